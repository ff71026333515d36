using AdWatch.Evidence;
using AdWatch.Web.Pages.Crawlers;
using AdWatch.IntegrationTests.Dossiers;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.CrawlerHealth;

public abstract class CrawlerHealthQuerySuite : ScenarioSuite
{
    private static readonly DateTimeOffset T0 = new(2023, 5, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_GroupsErrorsAndWarnings_PerSite()
    {
        var ct = TestContext.Current.CancellationToken;
        var (siteId, evidenceId) = await SeedAsync(Database, ct);
        await using (var c = await Database.OpenAsync(ct))
        {
            await c.ExecuteAsync("INSERT INTO sites (name, fetch_mode, created_at, updated_at) VALUES ('aaa-never', 'browser', 0, 0)");
        }
        var query = new CrawlerHealthQuery(Database);

        var sites = await query.ListAsync(10, ct);

        sites.Select(s => s.Name).ShouldBe(["aaa-never", "kontaktbord"]);
        sites[0].LastRun.ShouldBeNull();
        var site = sites[1];
        site.Runs.Select(r => r.Status).ShouldBe(["failed", "suspect", "completed"]);
        site.RunsByStatus.ShouldBe(new Dictionary<string, int> { ["failed"] = 1, ["suspect"] = 1, ["completed"] = 1 }, ignoreOrder: true);
        site.Warnings.ShouldHaveSingleItem().HealthNote.ShouldBe("ads seen fell from 40 to 2");
        site.Runs[2].Stats.ShouldNotBeNull().AdsNew.ShouldBe(40);
        site.Errors.Select(e => (e.ErrorKind, e.Count, e.Runs)).ShouldBe([("http_503", 3, 2), ("parse", 1, 1)]);
        site.Errors[0].LastMessage.ShouldBe("503 again");
        var snapshot = site.Errors[1].Snapshots.ShouldHaveSingleItem();
        (snapshot.EvidenceId, snapshot.Url, snapshot.EvidenceSha256).ShouldBe(((long?)evidenceId, "https://kontaktbord.test/ad/9", snapshot.EvidenceSha256));
        snapshot.EvidenceSha256.ShouldNotBeNull().Length.ShouldBe(64);

        (await query.GetAsync(siteId, 1, ct)).ShouldNotBeNull().Runs.Select(r => r.Status).ShouldBe(["failed"]);
        (await query.GetAsync(99999, 1, ct)).ShouldBeNull();
    }

    /// <summary>Three runs of one site: completed with stats, suspect with a health note, failed; 503s in two runs, a parse error with a snapshot.</summary>
    internal static async Task<(long SiteId, long EvidenceId)> SeedAsync(Database db, CancellationToken ct, string snapshotHtml = "<p>kapot</p>",
        string message = "no title")
    {
        var evidenceId = await new EvidenceStore(db).SaveAsync(System.Text.Encoding.UTF8.GetBytes(snapshotHtml), "https://kontaktbord.test/ad/9",
            "text/html", 200, T0, ct);
        await using var c = await db.OpenAsync(ct);
        var siteId = await c.ExecuteScalarAsync<long>(
            "INSERT INTO sites (name, base_url, fetch_mode, created_at, updated_at) VALUES ('kontaktbord', 'https://kontaktbord.test/', 'http', 0, 0) RETURNING id");
        async Task<long> Run(int hour, string status, string? stats, string? note) => await c.ExecuteScalarAsync<long>("""
            INSERT INTO crawl_runs (site_id, trigger, status, observed_at, started_at, finished_at, stats_json, health_note)
            VALUES (@siteId, 'schedule', @status, @at, @at, @at, @stats, @note) RETURNING id
            """, new { siteId, status, at = T0.AddHours(hour).ToUnixTimeMilliseconds(), stats, note });
        var r1 = await Run(0, "completed", """{"adsNew":40,"requests":41}""", null);
        var r2 = await Run(1, "suspect", "{not json", "ads seen fell from 40 to 2");
        var r3 = await Run(2, "failed", null, null);
        async Task Request(long run, string url, string? kind, string? msg, int minute) => await c.ExecuteAsync("""
            INSERT INTO crawl_requests (run_id, url, kind, status, error_kind, error_message, fetched_at)
            VALUES (@run, @url, 'ad', @status, @kind, @msg, @at)
            """, new { run, url, status = kind is null ? "done" : "failed", kind, msg, at = T0.AddMinutes(minute).ToUnixTimeMilliseconds() });
        await Request(r1, "https://kontaktbord.test/ad/1", null, null, 1);
        await Request(r2, "https://kontaktbord.test/ad/2", "http_503", "503 first", 61);
        await Request(r3, "https://kontaktbord.test/ad/3", "http_503", "503 second", 121);
        await Request(r3, "https://kontaktbord.test/ad/4", "http_503", "503 again", 122);
        await Request(r3, "https://kontaktbord.test/ad/9", "parse", message, 123);
        await c.ExecuteAsync("""
            INSERT INTO crawl_error_snapshots (run_id, error_kind, url, evidence_id, message, captured_at)
            VALUES (@r3, 'parse', 'https://kontaktbord.test/ad/9', @evidenceId, @message, @at)
            """, new { r3, evidenceId, message, at = T0.AddMinutes(123).ToUnixTimeMilliseconds() });
        return (siteId, evidenceId);
    }
}
