using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.Evidence;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// The site-definition features end to end against a small loopback page (<see cref="SiteFeaturesProbe"/>): consent that
/// may or may not appear, a reveal click whose XHR is captured and whose shown number is waited for, load-more rounds
/// (cap and stop condition), a failing action named in the error, and a paged JSON listing in HTTP mode.
/// </summary>
[Trait("Category", "Browser")]
[Collection(nameof(ProcessTreeCollection))]
public sealed class BrowserSiteFeaturesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CrawlDatabase _db = new();
    private SiteFeaturesProbe _probe = null!;
    private ServiceProvider _services = null!;

    private CrawlRunner Runner => _services.GetRequiredService<CrawlRunner>();

    public async ValueTask InitializeAsync()
    {
        await _db.InitializeAsync();
        _probe = await SiteFeaturesProbe.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crawling:CrawlersPath"] = CrawlHarness.CrawlersFolder(),
            ["Crawling:RetryBaseDelayMs"] = "20",
            ["Crawling:RetryCount"] = "1",
            ["Crawling:LeaseSeconds"] = "30",
        }).Build();
        _services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new StorageOptions { DatabasePath = _db.Path }))
            .AddSingleton(_db.Database)
            .AddAdWatchCrawling(config)
            .AddAdWatchEvidence()
            .BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _probe.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Consent_WorksWithTheModalAndWithout_AndTheRevealedNumberIsReadFromTheCaptureAndThePage()
    {
        RequireChromium();
        var site = Site(AdFeatures);

        _probe.ConsentModal = true;
        var withModal = await Runner.RunAsync(site, Morning(1), "test", Ct);
        _probe.ConsentModal = false;
        var withoutModal = await Runner.RunAsync(site, Morning(2), "test", Ct);

        withModal.Status.ShouldBe("completed", withModal.HealthNote);
        withModal.Stats!.AdsNew.ShouldBe(2);
        withoutModal.Status.ShouldBe("completed", withoutModal.HealthNote);
        withoutModal.Stats!.AdsSeen.ShouldBe(2);
        withoutModal.Stats.AdsNew.ShouldBe(0);
        _probe.Count("/api/consent").ShouldBe(2); // one click per ad page on the first run, none on the second
        _probe.Count("/api/ads/p1a/reveal").ShouldBe(2);
        foreach (var id in new[] { "p1a", "p1b" })
        {
            var v = await VersionAsync(id);
            v.Title.ShouldBe($"Advertentie {id}");
            v.Phone.ShouldBe(SiteFeaturesProbe.Phone(id)); // capture:reveal:$.phone
            var extras = JsonSerializer.Deserialize<Dictionary<string, string>>(v.Extras!)!;
            extras.ShouldBe(new Dictionary<string, string>
            {
                ["age"] = "25", ["area"] = "Veluwe", ["shownPhone"] = SiteFeaturesProbe.Shown(id), // shown 0.7 s after the XHR: waitFor
            }, ignoreOrder: true);
            v.Evidence.ShouldContain($"<template data-adwatch-capture=\"reveal\" data-url=\"{_probe.BaseUrl}api/ads/{id}/reveal\"");
            v.Evidence.ShouldNotContain("id=\"modal\""); // stored after the modal was clicked away
        }
        (await ScalarAsync("SELECT COUNT(*) FROM ad_versions")).ShouldBe(2); // the second run read the same fields
    }

    [Fact]
    public async Task Action_ThatFindsNothing_FailsThePageNamingTheStep()
    {
        RequireChromium();
        _probe.FirstPageIds = ["p1a", "nobtn1"];

        await Runner.RunAsync(Site(AdFeatures), Morning(1), "test", Ct);

        var failed = await RowAsync("SELECT status, error_kind, error_message FROM crawl_requests WHERE url LIKE '%/ad/nobtn1'");
        failed[0].ShouldBe("failed");
        failed[1].ShouldBe("action-failed");
        failed[2].ShouldBe("ad.actions[0] click: no clickable element with text /toon nummer/ within 1500 ms.");
        (await ScalarAsync("SELECT COUNT(*) FROM crawl_error_snapshots WHERE error_kind = 'action-failed' AND url LIKE '%/ad/nobtn1' AND evidence_id IS NOT NULL")).ShouldBe(1);
        (await VersionAsync("p1a")).Phone.ShouldBe(SiteFeaturesProbe.Phone("p1a"));
        (await ScalarAsync("SELECT COUNT(*) FROM ads WHERE external_id = 'nobtn1'")).ShouldBe(0);
    }

    [Fact]
    public async Task LoadMore_ClicksUntilTheCap()
    {
        RequireChromium();
        _probe.ListPages = 10;

        var run = await Runner.RunAsync(Site(LoadMore("maxRounds: 3")), Morning(1), "test", Ct);

        _probe.Count("/api/list").ShouldBe(3);
        run.Stats!.AdsNew.ShouldBe(8); // page 1 and three rounds of two
        (await ScalarAsync("SELECT COUNT(*) FROM ads WHERE external_id = 'p4b'")).ShouldBe(1);
        (await ScalarAsync("SELECT COUNT(*) FROM ads WHERE external_id LIKE 'p5%'")).ShouldBe(0);
    }

    [Fact]
    public async Task LoadMore_StopsWhenTheStopConditionShows()
    {
        RequireChromium();
        _probe.ListPages = 10;
        _probe.EndAtPage = 3; // the button stays: only stopWhen ends the rounds

        var run = await Runner.RunAsync(Site(LoadMore("maxRounds: 20\n    stopWhen: { selector: \".list-end\" }")), Morning(1), "test", Ct);

        _probe.Count("/api/list").ShouldBe(2);
        run.Stats!.AdsNew.ShouldBe(6);
    }

    [Fact]
    public async Task LoadMore_StopsWhenARoundAddsNothing()
    {
        RequireChromium();
        _probe.ListPages = 2;

        var run = await Runner.RunAsync(Site(LoadMore("maxRounds: 20\n    roundWaitMs: 1500")), Morning(1), "test", Ct);

        _probe.Count("/api/list").ShouldBe(2); // page 2 added two, page 3 added none
        run.Stats!.AdsNew.ShouldBe(4);
    }

    [Fact]
    public async Task JsonListing_InHttpMode_FollowsNext_AndReadsJsonAdPages()
    {
        var site = Site("""
            fetch:
              mode: http
            listing:
              startUrls: ["/api/ads?page=1"]
              json: { items: "$.ads[*]", urlTemplate: "/api/ad/{id}", id: "$.id", next: "$.next" }
            ad:
              idSelector: "json:$.id"
              fields:
                title: "json:$.title"
                phone: "json:$.phone"
              extras:
                age: "json:$.profile.age"
                area: "json:$.profile.area"
            """);

        var run = await Runner.RunAsync(site, Morning(1), "test", Ct);

        run.Status.ShouldBe("completed", run.HealthNote);
        _probe.Requests.Where(r => r.StartsWith("/api/ads?", StringComparison.Ordinal)).ShouldBe(["/api/ads?page=1", "/api/ads?page=2", "/api/ads?page=3"]);
        run.Stats!.AdsNew.ShouldBe(6);
        var v = await VersionAsync("j2y");
        v.Title.ShouldBe("JSON j2y");
        v.Phone.ShouldBe(SiteFeaturesProbe.Phone("j2y"));
        JsonSerializer.Deserialize<Dictionary<string, string>>(v.Extras!).ShouldBe(new Dictionary<string, string> { ["age"] = "31", ["area"] = "Ermelo" }, ignoreOrder: true);
    }

    private const string AdFeatures = """
        fetch:
          mode: browser
          consent:
            - { text: "ik ben 18", appearMs: 1000 }
          capture:
            - { name: reveal, urlPattern: "/api/ads/[^/]+/reveal" }
        listing:
          startUrls: [/list]
          adLinkSelector: a.ad
        ad:
          idFromUrl: "/ad/(\\w+)$"
          fields:
            title: h1.t
            phone: "capture:reveal:$.phone"
          extras:
            age: "label:Leeftijd"
            area: "label:Werkgebied"
            shownPhone: ".phone--shown"
          actions:
            - click: { text: "toon nummer", timeoutMs: 1500 }
            - waitFor: { selector: ".phone--shown", timeoutMs: 5000 }
        """;

    private static string LoadMore(string rule) => $$"""
        fetch:
          mode: browser
        listing:
          startUrls: [/list]
          adLinkSelector: a.ad
          loadMore:
            click: { text: "meer laden" }
            {{rule}}
        ad:
          idFromUrl: "/ad/(\\w+)$"
          fields:
            title: h1.t
        """;

    /// <summary>A definition for the probe: its base URL, loopback allowed, robots obeyed (the probe allows all), no delay.</summary>
    private SiteDefinition Site(string rules)
    {
        var yaml = $"name: probe\nbaseUrl: {_probe.BaseUrl}\nlocal: true\npoliteness:\n  delayMs: 0\n" + rules;
        return SiteDefinitionLoader.LoadText(yaml, "probe.yaml");
    }

    private static void RequireChromium()
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip($"needs Chromium at {BrowserLocator.DebianChromium} (apt-get install chromium); .ci/run installs it.");
        }
    }

    private static DateTimeOffset Morning(int day) => new(2026, 3, day, 7, 0, 0, TimeSpan.Zero);

    private sealed record StoredVersion(string? Title, string? Phone, string? Extras, string Evidence);

    private async Task<StoredVersion> VersionAsync(string externalId)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT v.title, v.phone_text, v.extras, b.content, b.compression FROM ads a
            JOIN ad_versions v ON v.id = a.current_version_id JOIN evidence_blobs b ON b.id = v.evidence_id
            WHERE a.external_id = $id
            """;
        var p = cmd.CreateParameter();
        p.ParameterName = "$id";
        p.Value = externalId;
        cmd.Parameters.Add(p);
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        (await r.ReadAsync(Ct)).ShouldBeTrue($"no stored version for {externalId}");
        var content = (byte[])r.GetValue(3);
        var evidence = r.GetString(4) == "gzip" ? Gunzip(content) : Encoding.UTF8.GetString(content);
        return new StoredVersion(r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), evidence);
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var text = new StreamReader(gzip, Encoding.UTF8);
        return text.ReadToEnd();
    }

    private async Task<string?[]> RowAsync(string sql)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync(Ct);
        (await r.ReadAsync(Ct)).ShouldBeTrue(sql);
        return [.. Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? null : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))];
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
