using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Review;

/// <summary>
/// The review rules of a flag: new → in_review → inspection_proposed → inspected → closed; dismissed (with a reason)
/// from new, in_review or inspection_proposed; dismissed or closed reopen to in_review. Only coordinators and admins
/// propose, mark inspected, close and reopen — the rule lives here, not in the page, so a forged POST is refused too.
/// Every change is one <see cref="ReviewStore.TransitionAsync"/> (status + history row) and one audit entry.
/// </summary>
public sealed class ReviewWorkflow(Database database, ReviewStore reviews, AuditLog audit, TimeProvider time)
{
    /// <summary>Longest note or reason kept; longer text is refused rather than cut.</summary>
    public const int MaxTextLength = 4000;

    private static readonly Dictionary<ReviewAction, (ReviewStatus[] From, ReviewStatus? To, bool CoordinatorOnly)> Rules = new()
    {
        [ReviewAction.TakeInReview] = ([ReviewStatus.New], ReviewStatus.InReview, false),
        [ReviewAction.ProposeInspection] = ([ReviewStatus.InReview], ReviewStatus.InspectionProposed, true),
        [ReviewAction.MarkInspected] = ([ReviewStatus.InspectionProposed], ReviewStatus.Inspected, true),
        [ReviewAction.Close] = ([ReviewStatus.Inspected], ReviewStatus.Closed, true),
        [ReviewAction.Dismiss] = ([ReviewStatus.New, ReviewStatus.InReview, ReviewStatus.InspectionProposed], ReviewStatus.Dismissed, false),
        [ReviewAction.Reopen] = ([ReviewStatus.Dismissed, ReviewStatus.Closed], ReviewStatus.InReview, true),
        [ReviewAction.Note] = ([], null, false),
        [ReviewAction.Assign] = ([], null, false),
    };

    public static bool IsCoordinator(string role) => role is "coordinator" or "admin";

    /// <summary>The actions <paramref name="role"/> may take on a flag in <paramref name="status"/>, for the buttons of the review form.</summary>
    public static IReadOnlyList<ReviewAction> AllowedActions(string role, ReviewStatus status) =>
        [.. Rules.Where(r => (!r.Value.CoordinatorOnly || IsCoordinator(role)) && (r.Value.To is null || r.Value.From.Contains(status)))
            .Select(r => r.Key)];

    public async Task<ReviewResult> ApplyAsync(long flagId, ReviewAction action, string actor, string role, string? text, string? assignTo,
        CancellationToken ct)
    {
        var rule = Rules[action];
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        assignTo = string.IsNullOrWhiteSpace(assignTo) ? null : assignTo.Trim();
        if (rule.CoordinatorOnly && !IsCoordinator(role))
        {
            return ReviewResult.Refused(ReviewRefusal.RoleNotAllowed, $"Role '{role}' may not {action}: only coordinators and admins may.");
        }
        if (text?.Length > MaxTextLength || assignTo?.Length > 200)
        {
            return ReviewResult.Refused(ReviewRefusal.TextRequired, $"Notes are limited to {MaxTextLength} characters.");
        }
        if ((action is ReviewAction.Dismiss or ReviewAction.Note && text is null) || (action is ReviewAction.Assign && assignTo is null))
        {
            return ReviewResult.Refused(ReviewRefusal.TextRequired, action switch
            {
                ReviewAction.Dismiss => "Dismissing a flag needs a reason.",
                ReviewAction.Assign => "Assigning needs a user name.",
                _ => "A note needs text.",
            });
        }
        string? statusText;
        await using (var c = await database.OpenAsync(ct))
        {
            statusText = await c.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT status FROM flags WHERE id = @flagId", new { flagId }, cancellationToken: ct));
        }
        if (statusText is null)
        {
            return ReviewResult.Refused(ReviewRefusal.UnknownFlag, $"There is no flag {flagId}.");
        }
        var status = EnumText.Parse<ReviewStatus>(statusText);
        var to = rule.To ?? status;
        if (rule.To is not null && !rule.From.Contains(status))
        {
            return ReviewResult.Refused(ReviewRefusal.StatusNotAllowed, $"{action} is not possible from status '{statusText}'.");
        }
        if (!await reviews.TransitionAsync(flagId, status, to, actor, text, assignTo, time.GetUtcNow(), ct))
        {
            return ReviewResult.Refused(ReviewRefusal.Conflict, "The flag was changed by someone else meanwhile; reload it.");
        }
        await audit.WriteAsync(actor, "change", "flag", flagId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{Name(action)}: {statusText} → {to.ToText()}" + (assignTo is null ? "" : $", assigned to {assignTo}"), ct);
        return ReviewResult.Done(status, to);
    }

    /// <summary>The snake_case name of an action, as written in the audit log and posted by the review form.</summary>
    public static string Name(ReviewAction action) => action.ToText();

    /// <summary>Parses a posted action name; null for anything else.</summary>
    public static ReviewAction? Parse(string? name) => EnumText.TryParse<ReviewAction>(name, out var action) ? action : null;
}
