namespace AdWatch.Exports;

/// <summary>A row of <c>exports</c>.</summary>
public sealed record ExportRow
{
    public long Id { get; init; }
    public long? FlagId { get; init; }
    /// <summary>zgw, zgw_status, webhook, csv or json.</summary>
    public required string Kind { get; init; }
    /// <summary>pending, running, done or failed.</summary>
    public required string Status { get; init; }
    public required string RequestedBy { get; init; }
    public int Attempts { get; init; }
    public required string OutboxJson { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    /// <summary>For <c>zgw_status</c>: the change of a measure's state it sends.</summary>
    public long? MeasureEventId { get; init; }
}
