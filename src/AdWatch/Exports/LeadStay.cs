namespace AdWatch.Exports;

/// <summary>One advertiser's stay at the lead's location.</summary>
public sealed record LeadStay(string Advertiser, DateTimeOffset StartAt, DateTimeOffset EndAt, int AdCount, string LinkKind);
