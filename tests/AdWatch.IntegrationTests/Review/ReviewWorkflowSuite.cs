using AdWatch.Storage;
using AdWatch.IntegrationTests.Dossiers;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Privacy;
using AdWatch.Review;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Review;

public abstract class ReviewWorkflowSuite : ScenarioSuite
{
    private static readonly DateTimeOffset T0 = new(2023, 7, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);

    private ReviewWorkflow Workflow => new(Database, new ReviewStore(Database), new AuditLog(Database, _time), _time);

    [Fact]
    public async Task ApplyAsync_WalksTheWholeWorkflow_WithRoleLimitsAndAudit()
    {
        var ct = TestContext.Current.CancellationToken;
        var flagId = await Seed.FlagAsync(Database, T0, ct);
        var w = Workflow;

        (await w.ApplyAsync(flagId, ReviewAction.TakeInReview, "ana", "analyst", null, "ana", ct)).ShouldBe(ReviewResult.Done(ReviewStatus.New, ReviewStatus.InReview));
        (await w.ApplyAsync(flagId, ReviewAction.Note, "ana", "analyst", "Drie vrouwen in twee weken", null, ct)).ToStatus.ShouldBe(ReviewStatus.InReview);
        var refused = await w.ApplyAsync(flagId, ReviewAction.ProposeInspection, "ana", "analyst", null, null, ct);
        (refused.Succeeded, refused.Refusal).ShouldBe((false, ReviewRefusal.RoleNotAllowed));
        (await w.ApplyAsync(flagId, ReviewAction.ProposeInspection, "coco", "coordinator", "naar toezicht", null, ct)).ToStatus.ShouldBe(ReviewStatus.InspectionProposed);
        (await w.ApplyAsync(flagId, ReviewAction.MarkInspected, "coco", "coordinator", null, null, ct)).ToStatus.ShouldBe(ReviewStatus.Inspected);
        (await w.ApplyAsync(flagId, ReviewAction.Dismiss, "coco", "coordinator", "te laat", null, ct)).Refusal.ShouldBe(ReviewRefusal.StatusNotAllowed);
        (await w.ApplyAsync(flagId, ReviewAction.Close, "ana", "analyst", null, null, ct)).Refusal.ShouldBe(ReviewRefusal.RoleNotAllowed);
        (await w.ApplyAsync(flagId, ReviewAction.Close, "coco", "coordinator", null, null, ct)).ToStatus.ShouldBe(ReviewStatus.Closed);
        (await w.ApplyAsync(flagId, ReviewAction.Reopen, "ana", "analyst", null, null, ct)).Refusal.ShouldBe(ReviewRefusal.RoleNotAllowed);
        (await w.ApplyAsync(flagId, ReviewAction.Reopen, "adm", "admin", null, null, ct)).ToStatus.ShouldBe(ReviewStatus.InReview);
        (await w.ApplyAsync(flagId, ReviewAction.Dismiss, "ana", "analyst", "  ", null, ct)).Refusal.ShouldBe(ReviewRefusal.TextRequired);
        (await w.ApplyAsync(flagId, ReviewAction.Dismiss, "ana", "analyst", "vergunde locatie", null, ct)).ToStatus.ShouldBe(ReviewStatus.Dismissed);

        var history = await new ReviewStore(Database).HistoryAsync(flagId, ct);
        history.Select(h => (h.Actor, h.FromStatus.ToText(), h.ToStatus.ToText())).ShouldBe(
        [
            ("ana", "new", "in_review"), ("ana", "in_review", "in_review"), ("coco", "in_review", "inspection_proposed"),
            ("coco", "inspection_proposed", "inspected"), ("coco", "inspected", "closed"), ("adm", "closed", "in_review"),
            ("ana", "in_review", "dismissed"),
        ]);
        history[^1].Note.ShouldBe("vergunde locatie");
        var audit = await new AuditLog(Database, _time).ListAsync(T0.AddYears(-1), 50, ct);
        audit.Count.ShouldBe(7);
        audit.ShouldAllBe(a => a.Action == "change" && a.TargetKind == "flag" && a.TargetId == flagId.ToString());
        audit.Select(a => a.Detail).ShouldContain("dismiss: in_review → dismissed");
    }

    [Fact]
    public async Task ApplyAsync_Refuses_UnknownFlagAndEmptyNote()
    {
        var ct = TestContext.Current.CancellationToken;
        var flagId = await Seed.FlagAsync(Database, T0, ct);

        (await Workflow.ApplyAsync(424242, ReviewAction.TakeInReview, "ana", "analyst", null, null, ct)).Refusal.ShouldBe(ReviewRefusal.UnknownFlag);
        (await Workflow.ApplyAsync(flagId, ReviewAction.Note, "ana", "analyst", null, null, ct)).Refusal.ShouldBe(ReviewRefusal.TextRequired);
        (await Workflow.ApplyAsync(flagId, ReviewAction.Assign, "ana", "analyst", null, " ", ct)).Refusal.ShouldBe(ReviewRefusal.TextRequired);
        (await Workflow.ApplyAsync(flagId, ReviewAction.Assign, "ana", "analyst", null, "coco", ct)).Succeeded.ShouldBeTrue();
        (await new AdWatch.Analysis.AnalysisStore(Database).GetFlagAsync(flagId, ct))!.AssignedTo.ShouldBe("coco");
    }

    [Theory]
    [InlineData("analyst", "new", "TakeInReview,Dismiss,Note,Assign")]
    [InlineData("analyst", "in_review", "Dismiss,Note,Assign")]
    [InlineData("analyst", "closed", "Note,Assign")]
    [InlineData("coordinator", "in_review", "ProposeInspection,Dismiss,Note,Assign")]
    [InlineData("coordinator", "inspection_proposed", "MarkInspected,Dismiss,Note,Assign")]
    [InlineData("admin", "inspected", "Close,Note,Assign")]
    [InlineData("coordinator", "dismissed", "Reopen,Note,Assign")]
    public void AllowedActions_FollowRoleAndStatus(string role, string status, string expected)
    {
        string.Join(",", ReviewWorkflow.AllowedActions(role, EnumText.Parse<ReviewStatus>(status))).ShouldBe(expected);
    }
}
