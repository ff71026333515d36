using AdWatch.Storage;

namespace AdWatch.Review;

/// <summary>A row of <c>reviews</c>: one status change of a flag, who made it and why.</summary>
public sealed record ReviewRow
{
    public long Id { get; init; }
    public long FlagId { get; init; }
    public required string Actor { get; init; }
    public ReviewStatus FromStatus => EnumText.Parse<ReviewStatus>(from_status);
    public ReviewStatus ToStatus => EnumText.Parse<ReviewStatus>(to_status);
    public string? Note { get; init; }
    public string? AssignedTo { get; init; }
    public DateTimeOffset At { get; init; }

    // The status columns as stored text, as Dapper fills them (it sets non-public properties and ignores enum handlers).
#pragma warning disable IDE1006 // named as the columns so Dapper maps them without a SQL alias
    private string from_status { get; init; } = "";
    private string to_status { get; init; } = "";
#pragma warning restore IDE1006
}
