using AdWatch.Crawling;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.Sites;

namespace AdWatch.IntegrationTests.Storage;

public sealed class CrawlRunStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly CrawlDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<(CrawlRunStore Store, long RunId)> RunAsync()
    {
        var siteId = await new SiteStore(_db.Database, _db.Time).EnsureAsync(SiteDefinition.Generic("s"), false, Ct);
        var store = new CrawlRunStore(_db.Database);
        return (store, await store.CreateAsync(siteId, "cli", T0, "w1", T0, T0.AddMinutes(2), Ct));
    }

    [Fact]
    public async Task TryLeaseRunAsync_RefusesLiveForeignLease_AndTakesExpiredOne()
    {
        var (store, runId) = await RunAsync();
        (await store.TryLeaseRunAsync(runId, "w2", T0.AddMinutes(1), T0.AddMinutes(3), Ct)).ShouldBeFalse();
        (await store.TryLeaseRunAsync(runId, "w1", T0.AddMinutes(1), T0.AddMinutes(3), Ct)).ShouldBeTrue();
        (await store.TryLeaseRunAsync(runId, "w2", T0.AddMinutes(4), T0.AddMinutes(6), Ct)).ShouldBeTrue();
        var run = (await store.GetAsync(runId, Ct))!;
        run.LeaseOwner.ShouldBe("w2");
        run.LeaseExpiresAt.ShouldBe(T0.AddMinutes(6));
        run.ObservedAt.ShouldBe(T0);
        (await store.FindUnfinishedAsync(run.SiteId, Ct))!.Id.ShouldBe(runId);
    }

    [Fact]
    public async Task EnqueueAsync_DedupesPerRun()
    {
        var (store, runId) = await RunAsync();
        (await store.EnqueueAsync(runId, "http://127.0.0.1/a", "ad", null, Ct)).ShouldBeTrue();
        (await store.EnqueueAsync(runId, "http://127.0.0.1/a", "ad", null, Ct)).ShouldBeFalse();
        (await store.EnqueueManyAsync(runId, ["http://127.0.0.1/a", "http://127.0.0.1/b"], "ad", null, Ct)).ShouldBe(1);
        (await store.CountOpenAsync(runId, Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task LeaseRequestsAsync_HandsOutOnce_UntilLeaseExpires()
    {
        var (store, runId) = await RunAsync();
        await store.EnqueueManyAsync(runId, ["http://127.0.0.1/1", "http://127.0.0.1/2", "http://127.0.0.1/3"], "listing", 1, Ct);

        var w1 = await store.LeaseRequestsAsync(runId, "w1", T0, T0.AddMinutes(1), 2, Ct);
        var w2 = await store.LeaseRequestsAsync(runId, "w2", T0, T0.AddMinutes(1), 5, Ct);
        var afterExpiry = await store.LeaseRequestsAsync(runId, "w2", T0.AddMinutes(2), T0.AddMinutes(3), 5, Ct);

        w1.Select(r => r.Url).ShouldBe(["http://127.0.0.1/1", "http://127.0.0.1/2"]);
        w2.Select(r => r.Url).ShouldBe(["http://127.0.0.1/3"]);
        afterExpiry.Count.ShouldBe(3);
        afterExpiry.ShouldAllBe(r => r.Attempts == 2);
        w1[0].PageNumber.ShouldBe(1);
    }

    [Fact]
    public async Task RenewLeasesAsync_KeepsOwnRequestsFromBeingReleased()
    {
        var (store, runId) = await RunAsync();
        await store.EnqueueManyAsync(runId, ["http://127.0.0.1/1"], "ad", null, Ct);
        await store.LeaseRequestsAsync(runId, "w1", T0, T0.AddMinutes(1), 5, Ct);

        (await store.RenewLeasesAsync(runId, "w1", T0.AddMinutes(10), Ct)).ShouldBeTrue();
        (await store.LeaseRequestsAsync(runId, "w2", T0.AddMinutes(5), T0.AddMinutes(6), 5, Ct)).ShouldBeEmpty();
        (await store.RenewLeasesAsync(runId, "w2", T0.AddMinutes(10), Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task CompleteRequestAsync_IgnoresLostLease_AndTallies()
    {
        var (store, runId) = await RunAsync();
        await store.EnqueueManyAsync(runId, ["http://127.0.0.1/1", "http://127.0.0.1/2"], "ad", null, Ct);
        var leased = await store.LeaseRequestsAsync(runId, "w1", T0, T0.AddMinutes(1), 2, Ct);
        await store.CompleteRequestAsync(leased[0].Id, "w1", new RequestOutcome("done", 200, 1000, 1, "new", null, null, T0), Ct);
        await store.CompleteRequestAsync(leased[1].Id, "someone-else", new RequestOutcome("done", 200, 5, 0, "new", null, null, T0), Ct);

        var stats = CrawlRunStats.From(await store.TallyAsync(runId, Ct));

        stats.AdsNew.ShouldBe(1);
        stats.Bytes.ShouldBe(1000);
        stats.Retries.ShouldBe(1);
        stats.RequestsByStatus["200"].ShouldBe(1);
        stats.RequestsByStatus["leased"].ShouldBe(1);
    }

    [Fact]
    public async Task SaveErrorSnapshotAsync_KeepsFirstPerKind()
    {
        var (store, runId) = await RunAsync();
        await store.SaveErrorSnapshotAsync(runId, "timeout", "http://127.0.0.1/1", null, "first", T0, Ct);
        await store.SaveErrorSnapshotAsync(runId, "timeout", "http://127.0.0.1/2", null, "second", T0, Ct);
        await store.SaveErrorSnapshotAsync(runId, "blocked", "http://127.0.0.1/3", null, "captcha", T0, Ct);

        var snapshots = await store.GetErrorSnapshotsAsync(runId, Ct);

        snapshots.Select(s => (s.ErrorKind, s.Message)).ShouldBe([("blocked", "captcha"), ("timeout", "first")]);
    }
}
