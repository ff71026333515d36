namespace AdWatch.Review;

/// <summary>A row of <c>reviews</c>: one status change of a flag, who made it and why.</summary>
public sealed record ReviewRow
{
    public long Id { get; init; }
    public long FlagId { get; init; }
    public required string Actor { get; init; }
    public required string FromStatus { get; init; }
    public required string ToStatus { get; init; }
    public string? Note { get; init; }
    public string? AssignedTo { get; init; }
    public DateTimeOffset At { get; init; }
}
