namespace AdWatch.Exports.Webhooks;

/// <summary>
/// The body of a lead webhook, in the Standard Webhooks envelope: event <c>type</c> (<c>adwatch.lead.export</c>), the
/// <c>timestamp</c> of this attempt, and the lead as <c>data</c>.
/// </summary>
public sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, Lead Data);
