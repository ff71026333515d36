namespace AdWatch.Review;

/// <summary>
/// Where a flag is in its review (<c>flags.status</c>, <c>reviews.from_status/to_status</c>), stored as its snake_case
/// text through <see cref="Storage.EnumText"/>: <c>new</c>, <c>in_review</c>, <c>inspection_proposed</c>, … The analysis
/// writes new flags as <c>new</c>; every later change goes through <see cref="ReviewWorkflow"/>.
/// </summary>
public enum ReviewStatus
{
    New,
    InReview,
    InspectionProposed,
    Inspected,
    Closed,
    Dismissed,
}
