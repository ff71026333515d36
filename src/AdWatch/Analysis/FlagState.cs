namespace AdWatch.Analysis;

/// <summary>A stored flag's id, review status, whether it currently meets the rule, and when it was first flagged.</summary>
public sealed record FlagState(long Id, string Status, bool Active, DateTimeOffset FirstFlaggedAt);
