using System.Diagnostics;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// A crawl process is killed mid-run (entire process tree) and started again: the second process resumes the same run
/// after the dead worker's lease expires, and the result has every ad exactly once — no ad lost, none doubled.
/// </summary>
public sealed class KillAndRestartTests
{
    private const int Generated = 60;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crawl_LosesAndDoublesNothing_WhenProcessKilledMidRunAndRestarted()
    {
        var scenario = DemoScenario.Generate(seed: 7, adCount: Generated, startDate: new DateOnly(2023, 3, 1), days: 1);
        var adCount = scenario.Listing(DemoSiteKind.Kontaktbord, scenario.StartDate).Count;
        adCount.ShouldBeGreaterThan(40);
        await using var host = await DemoSiteHost.StartAsync(scenario, new DemoSiteHostOptions(), Ct);
        // Slow ad pages so the kill lands mid-run.
        host.Kontaktbord.Faults = new DemoFaults { PathPrefix = "/advertentie/", ResponseDelay = TimeSpan.FromMilliseconds(80) };
        await using var db = new CrawlDatabase();
        await db.InitializeAsync();

        using (var first = StartProbe(db.Path, host.Kontaktbord.BaseUrl))
        {
            var waited = Stopwatch.StartNew();
            while (host.Kontaktbord.Requests.CountPathPrefix("/advertentie/") < adCount / 3)
            {
                if (first.HasExited)
                {
                    Assert.Fail("the probe ended before it could be killed: " + await first.StandardError.ReadToEndAsync(Ct));
                }
                waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90));
                await Task.Delay(20, Ct);
            }
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(Ct);
        }
        var servedBeforeKill = host.Kontaktbord.Requests.CountPathPrefix("/advertentie/");
        servedBeforeKill.ShouldBeLessThan(adCount, "the kill must land mid-run");
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")).ShouldBe(1,
            $"runs: {await Scalar(db, "SELECT COUNT(*) FROM crawl_runs")} done: {await Scalar(db, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'completed'")} suspect: {await Scalar(db, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'suspect'")} served: {servedBeforeKill}, requests: {await Scalar(db, "SELECT COUNT(*) FROM crawl_requests")}, db: {db.Path}");

        using (var second = StartProbe(db.Path, host.Kontaktbord.BaseUrl))
        {
            var output = second.StandardOutput.ReadToEndAsync(Ct);
            await second.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(120), Ct);
            (second.ExitCode).ShouldBe(0, await second.StandardError.ReadToEndAsync(Ct) + await output);
            (await output).ShouldContain("\"Resumed\":true");
        }

        (await Scalar(db, "SELECT COUNT(*) FROM crawl_runs")).ShouldBe(1);
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_runs WHERE status = 'completed'")).ShouldBe(1);
        (await Scalar(db, "SELECT COUNT(*) FROM ads")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(DISTINCT external_id) FROM ads")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(*) FROM ad_versions")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(*) FROM observations")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(DISTINCT ad_id) FROM observations")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_requests WHERE status <> 'done'")).ShouldBe(0);
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_requests WHERE kind = 'ad'")).ShouldBe(adCount);
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_requests WHERE kind = 'ad' AND outcome = 'new'")).ShouldBe(adCount);
        // The dead worker's leased requests were handed out again (attempt 2), yet nothing was stored twice.
        (await Scalar(db, "SELECT COUNT(*) FROM crawl_requests WHERE attempts > 1")).ShouldBeGreaterThan(0);
    }

    private static Process StartProbe(string dbPath, Uri baseUrl)
    {
        var probe = ProbeDll();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { probe, "--db", dbPath, "--crawlers", CrawlHarness.CrawlersFolder(), "--site", "kontaktbord",
                     "--base-url", baseUrl.AbsoluteUri, "--now", "2023-03-01T07:00:00Z", "--lease-seconds", "2", "--delay-ms", "0" })
        {
            info.ArgumentList.Add(arg);
        }
        return Process.Start(info)!;
    }

    private static string ProbeDll()
    {
        // Same configuration and framework folder as this test assembly, in the probe project's bin.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = here.Name;
        var config = here.Parent!.Name;
        var path = Path.Combine(Path.GetDirectoryName(CrawlHarness.CrawlersFolder())!, "tests", "AdWatch.CrawlProbe", "bin", config, tfm, "AdWatch.CrawlProbe.dll");
        File.Exists(path).ShouldBeTrue($"{path} is missing: build AdWatch.sln first");
        return path;
    }

    private static async Task<string> Describe(CrawlDatabase db)
    {
        await using var c = await db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id || ' ' || kind || ' ' || url || ' ' || attempts FROM crawl_requests ORDER BY id";
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join("; ", lines);
    }

    private static async Task<long> Scalar(CrawlDatabase db, string sql)
    {
        await using var c = await db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
