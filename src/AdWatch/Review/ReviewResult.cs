using AdWatch.Storage;

namespace AdWatch.Review;

/// <summary>The outcome of a review action: the status change made, or the refusal and a plain English explanation (for logs).</summary>
public sealed record ReviewResult(bool Succeeded, ReviewRefusal? Refusal, ReviewStatus? FromStatus, ReviewStatus? ToStatus, string Message)
{
    public static ReviewResult Done(ReviewStatus from, ReviewStatus to) => new(true, null, from, to, $"{from.ToText()} → {to.ToText()}");

    public static ReviewResult Refused(ReviewRefusal refusal, string message) => new(false, refusal, null, null, message);
}
