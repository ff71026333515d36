using AdWatch.Crawling;
using AdWatch.Evidence;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.Sites;

namespace AdWatch.IntegrationTests.Storage;

public sealed class AdStoreTests : IAsyncLifetime
{
    private readonly CrawlDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<long> SiteAsync() => await new SiteStore(_db.Database, _db.Time).EnsureAsync(SiteDefinition.Generic("s"), true, Ct);

    private static AdCapture Capture(long site, string id, string title, DateTimeOffset at, string source = "crawl") =>
        new(site, id, $"http://127.0.0.1/ad/{id}", new AdFields(title, "body", null, null, null, ["http://127.0.0.1/a.jpg"]), at, source, null,
            "<html>raw</html>"u8.ToArray(), "text/html", 200, "\"e1\"", null);

    [Fact]
    public async Task RecordAsync_NewThenUnchangedThenChanged_WhenSeenThreeTimes()
    {
        var site = await SiteAsync();
        var store = new AdStore(_db.Database);

        (await store.RecordAsync(Capture(site, "1", "Anna", T0), Ct)).Change.ShouldBe(AdChange.New);
        (await store.RecordAsync(Capture(site, "1", "Anna", T0.AddDays(1)), Ct)).Change.ShouldBe(AdChange.Unchanged);
        var changed = await store.RecordAsync(Capture(site, "1", "Anna 2", T0.AddDays(2)), Ct);
        changed.Change.ShouldBe(AdChange.Changed);

        var ad = (await store.FindAsync(site, "1", Ct))!;
        ad.CurrentVersionId.ShouldBe(changed.VersionId);
        ad.FirstSeenAt.ShouldBe(T0);
        ad.LastSeenAt.ShouldBe(T0.AddDays(2));
        ad.ETag.ShouldBe("\"e1\"");
    }

    [Fact]
    public async Task RecordAsync_ChangesNothing_WhenReplayed()
    {
        var site = await SiteAsync();
        var store = new AdStore(_db.Database);
        var first = await store.RecordAsync(Capture(site, "1", "Anna", T0), Ct);
        var again = await store.RecordAsync(Capture(site, "1", "Anna", T0), Ct);

        again.ShouldBe(first);
        (await Count("observations")).ShouldBe(1);
        (await Count("ad_versions")).ShouldBe(1);
        (await Count("evidence_blobs")).ShouldBe(1);
    }

    [Fact]
    public async Task RecordAsync_KeepsCurrentVersion_WhenOlderCaptureImported()
    {
        var site = await SiteAsync();
        var store = new AdStore(_db.Database);
        var current = await store.RecordAsync(Capture(site, "1", "New text", T0), Ct);
        await store.RecordAsync(Capture(site, "1", "Old text", T0.AddDays(-30), "import"), Ct);

        var ad = (await store.FindAsync(site, "1", Ct))!;
        ad.CurrentVersionId.ShouldBe(current.VersionId);
        ad.FirstSeenAt.ShouldBe(T0.AddDays(-30));
        ad.LastSeenAt.ShouldBe(T0);
    }

    [Fact]
    public async Task RecordUnchangedAsync_AddsObservationOfCurrentVersion_WhenAdKnown()
    {
        var site = await SiteAsync();
        var store = new AdStore(_db.Database);
        var first = await store.RecordAsync(Capture(site, "1", "Anna", T0), Ct);

        var seen = await store.RecordUnchangedAsync(site, "1", null, "crawl", T0.AddDays(1), null, Ct);

        seen!.VersionId.ShouldBe(first.VersionId);
        (await Count("observations")).ShouldBe(2);
        (await store.RecordUnchangedAsync(site, "unknown", null, "crawl", T0, null, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task MarkGoneAsync_EndsAdOnce()
    {
        var site = await SiteAsync();
        var store = new AdStore(_db.Database);
        await store.RecordAsync(Capture(site, "1", "Anna", T0), Ct);

        (await store.MarkGoneAsync(site, "1", T0.AddDays(1), Ct)).ShouldBeTrue();
        (await store.MarkGoneAsync(site, "1", T0.AddDays(2), Ct)).ShouldBeFalse();
        (await store.FindAsync(site, "1", Ct))!.Status.ShouldBe("gone");
    }

    private async Task<long> Count(string table)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
