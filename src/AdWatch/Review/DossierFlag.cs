namespace AdWatch.Review;

/// <summary>
/// A location's flag. <see cref="Active"/> is false when the location no longer meets the rule: the flag and its review
/// history stay, and the page says it is no longer current. <see cref="ReactivatedAt"/>: when it qualified again after that
/// (new activity; a closed or dismissed flag is then reopened as new).
/// </summary>
public sealed record DossierFlag(
    long Id,
    double Score,
    ReviewStatus Status,
    bool Active,
    DateTimeOffset FirstFlaggedAt,
    DateTimeOffset ComputedAt,
    DateTimeOffset AsOf,
    string? AssignedTo,
    DateTimeOffset? ReactivatedAt = null);
