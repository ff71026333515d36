using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>`adwatch crawl SITE --now T` on the real executable against the demo sites on loopback.</summary>
public sealed class CrawlCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-crawl-");
    private DemoSiteHost? _sites;

    public async ValueTask InitializeAsync() =>
        _sites = await DemoSiteHost.StartAsync(DemoScenario.Generate(5, 12, new DateOnly(2023, 3, 1), 5),
            new DemoSiteHostOptions { CrawlDelaySeconds = 0, InitialDate = new DateOnly(2023, 3, 3) });

    [Theory]
    [InlineData("kontaktbord")]
    [InlineData("nachtlicht")]
    public async Task Crawl_StoresEveryListedAd_AtTheGivenObservationTime(string site)
    {
        var kind = site == "kontaktbord" ? DemoSiteKind.Kontaktbord : DemoSiteKind.Nachtlicht;
        if (kind == DemoSiteKind.Nachtlicht && !File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip($"needs Chromium at {BrowserLocator.DebianChromium} (apt-get install chromium); .ci/run installs it.");
        }
        var environment = new Dictionary<string, string> { [$"ADWATCH__Crawling__BaseUrlOverrides__{site}"] = _sites![kind].BaseUrl.ToString() };

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, environment, TimeSpan.FromMinutes(5),
            ["--db", "c.db", "crawl", site, "--now", "2023-03-03T09:00:00Z"]);

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain($"{site}: run 1 completed at 2023-03-03 09:00:00Z");
        var listed = _sites.Scenario.Listing(kind, _sites.SimulatedDate).Select(a => a.Id).Order().ToList();
        listed.ShouldNotBeEmpty();
        using var c = new SqliteConnection($"Data Source={Path.Combine(_dir.FullName, "c.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT a.external_id FROM ads a JOIN observations o ON o.ad_id = a.id WHERE o.observed_at = 1677834000000 ORDER BY 1";
        var stored = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }
        stored.ShouldBe(listed);
        cmd.CommandText = "SELECT COUNT(*) FROM ad_versions WHERE extracted_at IS NULL";
        ((long)cmd.ExecuteScalar()!).ShouldBe(0);
    }

    [Fact]
    public async Task Crawl_Fails_WithOneLineNamingTheUrlAndTheCause_WhenTheSiteIsDown()
    {
        var port = LoopbackPort.Free(); // nothing listens there
        var environment = new Dictionary<string, string>
        {
            ["ADWATCH__Crawling__RetryBaseDelayMs"] = "10",
        };
        var config = Path.Combine(_dir.FullName, "down.json");
        File.WriteAllText(config, $$"""{ "Crawling": { "BaseUrlOverrides": { "kontaktbord": "http://127.0.0.1:{{port}}/" } } }""");

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, environment, TimeSpan.FromMinutes(2),
            ["--db", "c.db", "--config", config, "crawl", "kontaktbord"]);

        exit.ShouldBe(1, stderr);
        stderr.ShouldContain($"adwatch crawl: kontaktbord: cannot fetch http://127.0.0.1:{port}/advertenties (connection refused");
        stderr.ShouldContain("Is the site up?");
        // The working directory has no crawlers/: the definition used is the checkout's, which the user edits, not the build copy under bin/.
        stderr.ShouldContain($"baseUrl in {Path.Combine(RepoPaths.Root, "crawlers", "kontaktbord.yaml")}");
        stderr.ShouldNotContain("/bin/");
        stderr.ShouldNotContain("   at "); // no stack trace for an expected network failure
        stderr.ShouldNotContain("suspect");
        stdout.ShouldNotContain("suspect");
        using var c = new SqliteConnection($"Data Source={Path.Combine(_dir.FullName, "c.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT status FROM crawl_runs";
        cmd.ExecuteScalar().ShouldBe("failed");
        cmd.CommandText = "SELECT error_kind FROM crawl_requests";
        cmd.ExecuteScalar().ShouldBe("connection-refused");
    }

    [Fact]
    public async Task Crawl_UnknownSite_NamesTheKnownOnes()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "c.db", "crawl", "nosuchsite");

        exit.ShouldBe(1);
        stderr.ShouldContain("no site named 'nosuchsite'");
        stderr.ShouldContain("kontaktbord");
    }

    public async ValueTask DisposeAsync()
    {
        if (_sites is not null)
        {
            await _sites.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
