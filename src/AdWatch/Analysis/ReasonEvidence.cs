namespace AdWatch.Analysis;

/// <summary>What a reason points at: ad ids, dates or date ranges (yyyy-MM-dd..yyyy-MM-dd) and E.164 phones.</summary>
public sealed record ReasonEvidence(IReadOnlyList<long> Ads, IReadOnlyList<string> Dates, IReadOnlyList<string> Phones);
