namespace AdWatch.Analysis;

/// <summary>A row of <c>flags</c>: a location flagged for human review, with its review status.</summary>
public sealed record FlagRow
{
    public long Id { get; init; }
    public long LocationId { get; init; }
    public double Score { get; init; }
    public required string Status { get; init; }
    public required string ReasonsJson { get; init; }
    public DateTimeOffset FirstFlaggedAt { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
    public DateTimeOffset AsOf { get; init; }
    public string? AssignedTo { get; init; }
}
