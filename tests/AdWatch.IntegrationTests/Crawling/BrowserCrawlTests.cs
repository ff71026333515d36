using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;
using AdWatch.IntegrationTests.DemoSites;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>The JavaScript demo site through headless Chromium (Debian's, else Playwright's own).</summary>
[Trait("Category", "Browser")]
[Collection(nameof(ProcessTreeCollection))]
public sealed class BrowserCrawlTests
{
    [Fact]
    public async Task RunAsync_PassesAgeGateAndStoresRenderedAds_WhenBrowserSite()
    {
        await using var h = await CrawlHarness.StartAsync();
        h.Host.SimulatedDate = TestScenario.Day(2); // a2 and a4 are on Nachtlicht

        var run = await h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(2), "test", CrawlHarness.Ct);

        run.Status.ShouldBe("completed", run.HealthNote);
        run.Stats!.AdsNew.ShouldBe(2);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title = 'Bella nueva en Putten' AND location_text LIKE 'Kerkstraat 3%' AND phone_text = '06 87 65 43 21'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE phone_text LIKE 'https://wa.me/31687654321%'")).ShouldBe(1);
        h.Host.Nachtlicht.Requests.Snapshot().Where(r => r.Path.StartsWith("/api/ads", StringComparison.Ordinal))
            .ShouldAllBe(r => r.StatusCode == 200); // the age cookie was set by clicking the gate
        h.Host.Nachtlicht.Requests.CountPathPrefix("/beheer/").ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_MarksGone_WhenRenderedAdSaysExpired()
    {
        await using var h = await CrawlHarness.StartAsync();
        await CrawlAsync(h, 2);
        var day4 = await CrawlAsync(h, 4); // a4 (Nachtlicht only, 1–3 March) is gone: 410 from the API, rendered as a notice
        day4.Stats!.AdsSeen.ShouldBe(1);
        var siteId = await h.ScalarAsync("SELECT id FROM sites WHERE name = 'nachtlicht'");
        (await h.Ads.FindAsync(siteId, "a4", CrawlHarness.Ct))!.Status.ShouldBe("missing");
        var fetched = h.Services.GetService(typeof(BrowserFetcher)) is BrowserFetcher b
            ? await b.FetchAsync(new FetchRequest(h.Host.Nachtlicht.Url("ad/a4"), h.Site("nachtlicht")), CrawlHarness.Ct)
            : null;
        System.Text.Encoding.UTF8.GetString(fetched!.Body).ShouldContain("ad-view--expired");
    }

    [Fact]
    public async Task RunAsync_IsSuspect_WhenJavaScriptLayoutRenamed()
    {
        await using var h = await CrawlHarness.StartAsync();
        await CrawlAsync(h, 2);
        h.Host.Nachtlicht.Faults = new DemoFaults { RenamedClasses = true };
        var renamed = await CrawlAsync(h, 3);
        renamed.Status.ShouldBe("suspect");
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads WHERE status <> 'active'")).ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_LeavesNoBrowserProcess_WhenCancelledMidRun()
    {
        await using var h = await CrawlHarness.StartAsync();
        h.Host.SimulatedDate = TestScenario.Day(2);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(CrawlHarness.Ct);
        var whileRunning = -1;
        var progress = new Progress<CrawlProgress>(p =>
        {
            if (p.Done >= 1 && !cancel.IsCancellationRequested)
            {
                whileRunning = Descendants().Count;
                cancel.Cancel(); // after the first page, while Chromium is up
            }
        });

        await Should.ThrowAsync<OperationCanceledException>(() => h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(2), "test", cancel.Token, progress));

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Descendants().Count > 0 && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(200, CrawlHarness.Ct);
        }
        whileRunning.ShouldBeGreaterThan(0); // the check below can fail: there were browser processes to clean up
        Descendants().ShouldBeEmpty();
        (await h.ScalarAsync("SELECT COUNT(*) FROM crawl_runs WHERE status = 'running'")).ShouldBe(1); // resumable later
    }

    /// <summary>Live processes below this test process (Playwright's driver and its Chromium), from /proc.</summary>
    private static List<string> Descendants()
    {
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                if (fields[0] != "Z")
                {
                    parents[pid] = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), stat[(stat.IndexOf('(') + 1)..close]);
                }
            }
            catch (IOException)
            {
                // the process ended while we looked
            }
        }
        var me = Environment.ProcessId;
        return [.. parents.Where(p => IsBelow(p.Key, me, parents)).Select(p => $"{p.Key} {p.Value.Name}")];
    }

    private static bool IsBelow(int pid, int ancestor, Dictionary<int, (int Parent, string Name)> parents)
    {
        for (var i = 0; i < 64 && parents.TryGetValue(pid, out var p); i++)
        {
            if (p.Parent == ancestor)
            {
                return true;
            }
            pid = p.Parent;
        }
        return false;
    }

    private static Task<CrawlRunResult> CrawlAsync(CrawlHarness h, int day)
    {
        h.Host.SimulatedDate = TestScenario.Day(day);
        return h.Runner.RunAsync(h.Site("nachtlicht"), CrawlHarness.Morning(day), "test", CrawlHarness.Ct);
    }
}
