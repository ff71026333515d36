using AdWatch.Evidence;
using AdWatch.Analysis;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Jobs;
using AdWatch.Privacy;
using AdWatch.Review;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Privacy;

/// <summary>
/// The retention purge on a real database: a flagged rotation house (3 ads, days 0–15), an old town-level ad (day 2), a
/// recent ad (day 300), crawl logs and evidence; the clock stands at day 400, so ads last seen before day 220 are expired.
/// </summary>
public abstract class RetentionPurgeSuite : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = AnalysisSeed.Day0.AddDays(400);
    private protected TestDatabase _db = null!;
    private FakeTimeProvider _time = null!;

    protected abstract Task<TestDatabase> CreateAsync();

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await CreateAsync();
        await _db.Migrator().MigrateAsync(Ct);
        _time = new FakeTimeProvider(Now);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private AnalysisRunner Analysis() => new(_db.Database, _time,
        new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = Path.Combine(RepoPaths.Root, "config", "analysis.yaml") })),
        Options.Create(new AdWatch.Extraction.RegionOptions()), NullLogger<AnalysisRunner>.Instance);

    private protected RetentionJob Purge() => new(new RetentionPurge(_db.Database, new AuditLog(_db.Database, _time), _time,
        Options.Create(new RetentionOptions()), NullLogger<RetentionPurge>.Instance), Analysis());

    /// <summary>Seeds the timeline and analyses it as of day 20; returns the flag id of the rotation house.</summary>
    private protected async Task<long> SeedAsync()
    {
        var seed = new AnalysisSeed(_db.Database);
        var evidence = new EvidenceStore(_db.Database);
        await seed.AdAsync("r1", "Luna – nieuw", "Hoi, ik ben Luna, net aangekomen. Bel me voor een afspraak bij mij thuis, discreet en schoon.",
            ["+31611110001"], AnalysisSeed.House, null, 0, 4, Ct);
        await seed.AdAsync("r2", "Nieuw!", "Hallo schat, zoete verrassing deze week alleen hier, kom snel langs want ik blijf maar kort bij jou.",
            ["+31611110002"], AnalysisSeed.House, null, 6, 4, Ct);
        await seed.AdAsync("r3", "Top service", "Latina bomba, de hele week beschikbaar, privé ontvangst, parkeren voor de deur, bel of app me.",
            ["+31611110003"], AnalysisSeed.House, null, 12, 4, Ct);
        await seed.AdAsync("o1", "Massage", "Ontspannende massage door Zoraidaqx in de regio, alleen op afspraak, bel gerust voor meer informatie.",
            ["+31611110009"], AnalysisSeed.Town, null, 2, 1, Ct);
        await seed.AdAsync("n1", "Nieuw in de stad", "Vanaf vandaag een paar dagen hier, lieve meid met mooie foto's, bel me voor een afspraak.",
            ["+31611110010"], AnalysisSeed.Town, null, 300, 2, Ct);

        await using var c = await _db.Database.OpenAsync(Ct);
        foreach (var (external, day) in new[] { ("r1", 0), ("o1", 2), ("n1", 300) })
        {
            var id = await evidence.SaveAsync(System.Text.Encoding.UTF8.GetBytes($"<html>{external}</html>"), $"https://demo.test/ad/{external}",
                "text/html", 200, AnalysisSeed.Day0.AddDays(day), Ct);
            await c.ExecuteAsync("""
                UPDATE ad_versions SET evidence_id = @id WHERE ad_id = (SELECT id FROM ads WHERE external_id = @external)
                """, new { id, external });
        }
        var siteId = await c.ExecuteScalarAsync<long>("SELECT id FROM sites WHERE name = 'demo'");
        foreach (var day in new[] { 10, 350 })
        {
            var at = AnalysisSeed.Day0.AddDays(day);
            var runId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO crawl_runs (site_id, trigger, status, observed_at, started_at, finished_at)
                VALUES (@siteId, 'schedule', 'completed', @at, @at, @at) RETURNING id
                """, new { siteId, at });
            await c.ExecuteAsync("INSERT INTO crawl_requests (run_id, url, kind, status) VALUES (@runId, 'https://demo.test/', 'listing', 'done')",
                new { runId });
            var snapshot = await evidence.SaveAsync(System.Text.Encoding.UTF8.GetBytes($"<html>error {day}</html>"), "https://demo.test/",
                "text/html", 500, at, Ct);
            await c.ExecuteAsync("""
                INSERT INTO crawl_error_snapshots (run_id, error_kind, url, evidence_id, message, captured_at)
                VALUES (@runId, 'http-500', 'https://demo.test/', @snapshot, 'HTTP 500', @at)
                """, new { runId, snapshot, at });
        }

        var run = await Analysis().RunAsync(AnalysisSeed.Day0.AddDays(20), null, Ct);
        run.Report.Locations.ShouldHaveSingleItem().Advertisers.ShouldBe(3);
        return await c.ExecuteScalarAsync<long>("SELECT id FROM flags");
    }

    private async Task<string[]> AdsAsync()
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        return [.. await c.QueryAsync<string>("SELECT external_id FROM ads ORDER BY external_id")];
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Purge_DeletesExpiredAds_ButKeepsThoseAnOpenFlagHolds()
    {
        await SeedAsync();

        var result = await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBe(["n1", "r1", "r2", "r3"]);
        (result.Ads, result.Versions, result.Phones).ShouldBe((1, 1, 1));
        (await CountAsync("SELECT COUNT(*) FROM phones WHERE e164 = '+31611110009'")).ShouldBe(0);
        // The purge's re-analysis (as of day 400) retires the flag: its rotation (days 0–15) is older than flagActiveDays (365).
        // The review status stays, and the flag holds its evidence for AdDays more.
        (await CountAsync("SELECT COUNT(*) FROM flags WHERE NOT active AND status = 'new'")).ShouldBe(1);
        // o1's page and the day-10 error snapshot are gone; r1's and n1's pages and the day-350 snapshot stay.
        (await CountAsync("SELECT COUNT(*) FROM evidence_blobs")).ShouldBe(3);
        (result.CrawlRequests, result.ErrorSnapshots).ShouldBe((1, 1));
        (await CountAsync("SELECT COUNT(*) FROM crawl_runs")).ShouldBe(2); // run statistics stay
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'purge' AND actor = 'test'")).ShouldBe(1);
    }

    [Fact]
    public async Task Purge_ANewFlagHoldsItsEvidence_NotEveryAdItsAdvertisersEverPlaced()
    {
        await SeedAsync();
        // Luna (her phone) advertised in town long before the stay: the flag's dossier does not show that ad as evidence.
        var seed = new AnalysisSeed(_db.Database);
        await seed.AdAsync("l0", "Luna", "Hoi, ik ben Luna. Eerst even in de regio, bel me gerust voor een afspraak, discreet en schoon.",
            ["+31611110001"], AnalysisSeed.Town, null, -30, 1, Ct);
        (await Analysis().RunAsync(AnalysisSeed.Day0.AddDays(20), null, Ct)).Result.Advertisers
            .Single(a => a.Label == "Luna").Ads.Count.ShouldBe(2);

        await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBe(["n1", "r1", "r2", "r3"]);
    }

    [Fact]
    public async Task Purge_RetiredFlag_ReleasesItsEvidence_AdDaysLater()
    {
        await SeedAsync();
        await Purge().PurgeAsync("test", Ct); // retires the flag (day 400)
        _time.Advance(TimeSpan.FromDays(new RetentionOptions().AdDays - 1));
        await Purge().PurgeAsync("test", Ct);
        (await AdsAsync()).ShouldBe(["r1", "r2", "r3"]); // n1 (days 300–301) expired on its own

        _time.Advance(TimeSpan.FromDays(2));
        await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBeEmpty();
        (await CountAsync("SELECT COUNT(*) FROM flags WHERE status = 'new' AND NOT active")).ShouldBe(1);
    }

    [Fact]
    public async Task Purge_CountsRetentionFromAClampedObservationTime_NotAFutureOne()
    {
        await SeedAsync();
        await using (var c = await _db.Database.OpenAsync(Ct))
        {
            // An ad "last seen" on 9999-12-31 (a bad clock or an imported file) would otherwise never expire.
            var future = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
            await c.ExecuteAsync("UPDATE ads SET last_seen_at = @future WHERE external_id = 'o1'", new { future });
            await c.ExecuteAsync("UPDATE ads SET last_seen_at = @future, first_seen_at = @future WHERE external_id = 'n1'", new { future });
        }

        await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBe(["r1", "r2", "r3"]);
    }

    [Fact]
    public async Task Purge_DeletesAdsOfADismissedFlag_OnceClosedFlagDaysHavePassed()
    {
        var flagId = await SeedAsync();
        (await new ReviewStore(_db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.Dismissed, "ana", "bekende masseuse", null,
            AnalysisSeed.Day0.AddDays(21), Ct)).ShouldBeTrue();

        var result = await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBe(["n1"]);
        result.Ads.ShouldBe(4);
        (await CountAsync("SELECT COUNT(*) FROM advertiser_ads")).ShouldBe(1);
        (await CountAsync("SELECT COUNT(*) FROM stays")).ShouldBe(0);
        (await CountAsync("SELECT COUNT(*) FROM phones")).ShouldBe(1);
        // The flag and its review history stay (accountability), inactive: its location no longer qualifies.
        (await CountAsync("SELECT COUNT(*) FROM flags WHERE NOT active")).ShouldBe(1);
        (await CountAsync("SELECT COUNT(*) FROM reviews")).ShouldBe(1);
        // Its note ("bekende masseuse") may describe a person: it went with the ads; who dismissed it, and when, stays.
        (await CountAsync("SELECT COUNT(*) FROM reviews WHERE note IS NULL AND actor = 'ana' AND to_status = 'dismissed'")).ShouldBe(1);
        result.ReviewNotes.ShouldBe(1);
    }

    [Fact]
    public async Task Purge_KeepsTheNotesOfAnOpenCase()
    {
        var flagId = await SeedAsync();
        (await new ReviewStore(_db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.InReview, "ana", "buren bellen", null,
            AnalysisSeed.Day0.AddDays(21), Ct)).ShouldBeTrue();

        var result = await Purge().PurgeAsync("test", Ct);

        result.ReviewNotes.ShouldBe(0);
        (await CountAsync("SELECT COUNT(*) FROM reviews WHERE note = 'buren bellen'")).ShouldBe(1);
    }

    [Fact]
    public async Task Purge_KeepsAdsOfADismissedFlag_WithinClosedFlagDays()
    {
        var flagId = await SeedAsync();
        (await new ReviewStore(_db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.Dismissed, "ana", "bekende masseuse", null,
            Now.AddDays(-30), Ct)).ShouldBeTrue();

        await Purge().PurgeAsync("test", Ct);

        (await AdsAsync()).ShouldBe(["n1", "r1", "r2", "r3"]);
    }

    [Fact]
    public async Task Purge_DeletesNothing_WhenRunTwice()
    {
        await SeedAsync();
        await Purge().PurgeAsync("test", Ct);

        var second = await Purge().PurgeAsync("test", Ct);

        (second.Ads, second.Evidence, second.CrawlRequests, second.Phones).ShouldBe((0, 0, 0, 0));
        (await AdsAsync()).ShouldBe(["n1", "r1", "r2", "r3"]);
    }

    [Fact]
    public async Task Purge_DeletesKeptPhotos_ThatNoRemainingAdUses()
    {
        await SeedAsync();
        // "only-o1" belongs to the expired ad alone; "shared" is o1's and (under another URL) n1's; "held" is r1's, whose flag
        // holds it; "fresh" was stored an hour ago by an extraction whose ad links are not written yet.
        await PhotoAsync("only-o1", Now.AddDays(-398), ("o1", "https://demo.test/img/o1-a.jpg"));
        await PhotoAsync("shared", Now.AddDays(-398), ("o1", "https://demo.test/img/o1-b.jpg"), ("n1", "https://demo.test/img/n1-b.jpg"));
        await PhotoAsync("held", Now.AddDays(-400), ("r1", "https://demo.test/img/r1.jpg"));
        await PhotoAsync("fresh", Now.AddHours(-1));

        var result = await Purge().PurgeAsync("test", Ct);

        result.StoredImages.ShouldBe(1);
        result.ToString().ShouldContain("1 stored images");
        await using var c = await _db.Database.OpenAsync(Ct);
        (await c.QueryAsync<string>("SELECT sha256 FROM stored_images ORDER BY sha256")).ShouldBe(["fresh", "held", "shared"]);
        (await c.QueryAsync<string>("SELECT url FROM image_hashes ORDER BY url"))
            .ShouldBe(["https://demo.test/img/n1-b.jpg", "https://demo.test/img/r1.jpg"]);
        (await Purge().PurgeAsync("test", Ct)).StoredImages.ShouldBe(0);
    }

    /// <summary>A kept photo (its SHA-256 stands in as <paramref name="sha"/>) and the ads that show it, each under its URL.</summary>
    private AdWatch.Enforcement.EnforcementStore Enforcement() => new(_db.Database, new AuditLog(_db.Database, _time), _time);

    private async Task<long> LocationOfAsync(long flagId)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        return await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @flagId", new { flagId });
    }

    private async Task<long> AlertAsync(string key, string kind, long? locationId, int day)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        var id = await c.ExecuteScalarAsync<long>("""
            INSERT INTO alerts (key, kind, location_id, municipality_code, summary_nl, summary_en, evidence_json, raised_at)
            VALUES (@key, @kind, @locationId, 'GM0243', 'Nieuwe markering: Stationslaan 14', 'New flag: Stationslaan 14', '{"ads":[1]}', @at) RETURNING id
            """, new { key, kind, locationId, at = AnalysisSeed.Day0.AddDays(day).ToUnixTimeMilliseconds() });
        await c.ExecuteAsync("INSERT INTO alert_inbox (alert_id, user_name, reason) VALUES (@id, 'ana', 'municipality')", new { id });
        return id;
    }

    private async Task<long> MeasureAsync(long locationId, DateOnly imposed, DateOnly? lifted)
    {
        var store = Enforcement();
        var id = (await store.RecordMeasureAsync(new AdWatch.Enforcement.NewMeasure(locationId, AdWatch.Enforcement.MeasureType.Dwangsom, 500_000,
            imposed.AddDays(14), null, null, AdWatch.Enforcement.MeasureState.Imposed, imposed, null), "coco", Ct)).Id!.Value;
        if (lifted is { } on)
        {
            (await store.ChangeStateAsync(id, AdWatch.Enforcement.MeasureState.Lifted, on, "coco", null, Ct)).Succeeded.ShouldBeTrue();
        }
        return id;
    }

    [Fact]
    public async Task Purge_EmptiesOldAlerts_ButKeepsTheirKeys_AndTheRelapseAlertsOfARunningMeasure()
    {
        var location = await LocationOfAsync(await SeedAsync());
        await MeasureAsync(location, new DateOnly(2023, 6, 20), lifted: null);
        var old = await AlertAsync("flag:1:first", "new-flag", location, 10);
        var relapse = await AlertAsync("measure:1:ad:3", "relapse", location, 12);
        var recent = await AlertAsync("flag:1:again:1", "new-activity", location, 390);

        var result = await Purge().PurgeAsync("test", Ct);

        result.Alerts.ShouldBe(1);
        await using var c = await _db.Database.OpenAsync(Ct);
        var rows = (await c.QueryAsync<(long Id, string Key, string SummaryNl, string EvidenceJson, long? LocationId)>(
            "SELECT id, key, summary_nl, evidence_json, location_id FROM alerts ORDER BY id")).ToList();
        rows.Select(r => r.Key).ShouldBe(["flag:1:first", "measure:1:ad:3", "flag:1:again:1"]); // every key stays: nothing is raised twice
        rows.Single(r => r.Id == old).ShouldBe((old, "flag:1:first", "(verwijderd na de bewaartermijn)", """{"purged":true}""", (long?)null));
        rows.Single(r => r.Id == relapse).SummaryNl.ShouldBe("Nieuwe markering: Stationslaan 14");
        rows.Single(r => r.Id == recent).EvidenceJson.ShouldBe("""{"ads":[1]}""");
        (await c.QueryAsync<long>("SELECT alert_id FROM alert_inbox ORDER BY alert_id")).ShouldBe([relapse, recent]);
        (await Purge().PurgeAsync("test", Ct)).Alerts.ShouldBe(0);
    }

    [Fact]
    public async Task Purge_EndsIdleWatches_AndEveryWatchOfADisabledAccount()
    {
        await SeedAsync();
        var users = new AdWatch.Accounts.UserStore(_db.Database);
        await users.AddAsync("ana", AdWatch.Accounts.Role.Analyst, null, Now, "regio", Ct);
        await users.AddAsync("oud", AdWatch.Accounts.Role.Analyst, null, Now, "regio", Ct);
        await users.SetDisabledAsync("oud", true, Ct);
        await using var c = await _db.Database.OpenAsync(Ct);
        async Task<long> WatchAsync(string user, string kind, string target, int day) => await c.ExecuteScalarAsync<long>("""
            INSERT INTO watches (user_name, kind, target, created_at) VALUES (@user, @kind, @target, @at) RETURNING id
            """, new { user, kind, target, at = AnalysisSeed.Day0.AddDays(day).ToUnixTimeMilliseconds() });
        await WatchAsync("ana", "phone", "+31611110001", 10);                     // a year without an alert
        var busy = await WatchAsync("ana", "location", "1", 10);                   // old, but it alerted lately
        await AlertAsync($"watch:{busy}:ad:7", "watch", null, 380);
        var fresh = await WatchAsync("ana", "address", "adr:GM0243:STATIONSLAAN:14", 390);
        await WatchAsync("oud", "phone", "+31611110002", 390);                     // a disabled account

        var result = await Purge().PurgeAsync("test", Ct);

        result.Watches.ShouldBe(2);
        (await c.QueryAsync<long>("SELECT id FROM watches ORDER BY id")).ShouldBe([busy, fresh]);
    }

    [Fact]
    public async Task Purge_ForgetsTheClientAddressesOfSignInFailures_OlderThanADay()
    {
        var users = new AdWatch.Accounts.UserStore(_db.Database);
        await users.AddAsync("ana", AdWatch.Accounts.Role.Analyst, null, Now, "regio", Ct);
        var forget = TimeSpan.FromMinutes(15);
        // The recent one first: a sign-in failure forgets the stale ones itself, and this purge is for when none came after.
        await users.RecordFailedSignInAsync("ana", "198.51.100.7", 5, Now.AddHours(-1), Now.AddMinutes(14), forget, Ct);
        await users.RecordFailedSignInAsync("ana", "203.0.113.5", 5, Now.AddDays(-2), Now.AddDays(-2).AddMinutes(15), forget, Ct);

        await Purge().PurgeAsync("test", Ct);

        await using var c = await _db.Database.OpenAsync(Ct);
        (await c.QueryAsync<string>("SELECT client FROM sign_in_failures")).ShouldBe(["198.51.100.7"]);
    }

    [Fact]
    public async Task Purge_DeletesOldControlsAndFinishedMeasures_ButNeverWhileAMeasureAtTheHouseRuns()
    {
        var house = await LocationOfAsync(await SeedAsync());
        await using var c = await _db.Database.OpenAsync(Ct);
        var placeId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO places (key, label, precision, street, house_number, postcode, place_name, municipality_code, in_region, source, geocoded_at)
            VALUES ('adr:GM0243:PROEFWEG:7', 'Proefweg 7, Harderwijk', 'address', 'Proefweg', '7', NULL, 'Harderwijk', 'GM0243', TRUE, 'gazetteer', 0) RETURNING id
            """);
        var other = await c.ExecuteScalarAsync<long>("INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@placeId, 0, 0) RETURNING id", new { placeId });
        var store = Enforcement();
        async Task<long> ControlAsync(long location, DateOnly on) => (await store.RecordControlAsync(new AdWatch.Enforcement.NewControl(location, on,
            [AdWatch.Enforcement.ControlParty.Pct], AdWatch.Enforcement.Premises.Woning, true, 2, 2, false, true, null), "coco", Ct)).Id!.Value;
        // Six years ago at the house: a control and a dwangsom lifted since; at the other house the same control, but its measure still runs.
        var oldControl = await ControlAsync(house, new DateOnly(2018, 3, 1));
        (await store.AddDocumentAsync(oldControl, "rapport.pdf", "%PDF-1.4 rapport"u8.ToArray(), "coco", Ct)).Succeeded.ShouldBeTrue();
        var finished = await MeasureAsync(house, new DateOnly(2018, 3, 10), lifted: new DateOnly(2018, 6, 1));
        var events = (await store.EventsAsync(finished, Ct)).Select(e => e.Id).ToList();
        await c.ExecuteAsync("""
            INSERT INTO exports (flag_id, kind, status, requested_by, created_at, measure_event_id)
            VALUES ((SELECT id FROM flags), 'zgw_status', 'done', 'coco', 0, @e)
            """, new { e = events[0] });
        var recentControl = await ControlAsync(house, new DateOnly(2024, 5, 1));
        var heldControl = await ControlAsync(other, new DateOnly(2018, 3, 1));
        var running = await MeasureAsync(other, new DateOnly(2018, 3, 10), lifted: null);

        var result = await Purge().PurgeAsync("test", Ct);

        (result.Controls, result.Measures).ShouldBe((1, 1));
        (await c.QueryAsync<long>("SELECT id FROM controls ORDER BY id")).ShouldBe([recentControl, heldControl]);
        (await c.QueryAsync<long>("SELECT id FROM measures ORDER BY id")).ShouldBe([running]);
        (await CountAsync("SELECT COUNT(*) FROM control_documents")).ShouldBe(0);
        (await CountAsync($"SELECT COUNT(*) FROM measure_events WHERE measure_id = {finished}")).ShouldBe(0);
        // The export log stays; it no longer names the deleted change.
        (await CountAsync("SELECT COUNT(*) FROM exports WHERE kind = 'zgw_status' AND measure_event_id IS NULL")).ShouldBe(1);
    }

    [Fact]
    public async Task Purge_DeletesTheOcrReadingOfAPhotoNoAdShowsAnyMore()
    {
        await SeedAsync();
        await using var c = await _db.Database.OpenAsync(Ct);
        await c.ExecuteAsync("INSERT INTO image_phones (url, phones_json, read_at) VALUES ('https://demo.test/img/gone.jpg', '[\"+31611110001\"]', @at)",
            new { at = AnalysisSeed.Day0.AddDays(5).ToUnixTimeMilliseconds() });

        await Purge().PurgeAsync("test", Ct);

        (await CountAsync("SELECT COUNT(*) FROM image_phones")).ShouldBe(0);
    }

    /// <summary>What identifies the expired ad o1: its advertiser's name, her phone, the ad's URL.</summary>
    private protected static readonly string[] PurgedTraces = ["Zoraidaqx", "+31611110009", "demo.test/ad/o1"];

    [Fact]
    public async Task Purge_LeavesNoTraceOfAPurgedAd_InAnyTable()
    {
        await SeedAsync();
        await using (var c = await _db.Database.OpenAsync(Ct))
        {
            var recent = Now.AddDays(-2);
            // What a user and a crawler left behind about o1 that is itself not yet expired: a phone lookup in the audit log
            // (kept 730 days), a recent crawl request for the ad page and a failed photo fetch of the ad.
            await new AuditLog(_db.Database, _time).WriteAsync("ana", "lookup", "phone", "+31611110009", "1 ads; q=+31611110009", Ct);
            var runId = await c.ExecuteScalarAsync<long>("""
                INSERT INTO crawl_runs (site_id, trigger, status, observed_at, started_at, finished_at)
                VALUES ((SELECT id FROM sites WHERE name = 'demo'), 'schedule', 'completed', @recent, @recent, @recent) RETURNING id
                """, new { recent });
            await c.ExecuteAsync("INSERT INTO crawl_requests (run_id, url, kind, status) VALUES (@runId, 'https://demo.test/ad/o1', 'ad', 'gone')",
                new { runId });
            await c.ExecuteAsync("INSERT INTO image_hashes (url, phash, fetched_at, image_sha256) VALUES ('https://demo.test/ad/o1/photo.jpg', NULL, @recent, NULL)",
                new { recent });
        }

        await Purge().PurgeAsync("test", Ct);

        var found = await TracesAsync();
        found.ShouldBeEmpty();
        (await CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'lookup'")).ShouldBe(1, "the access stays accountable, without the number");
    }

    /// <summary>Every table's every value, as text, that holds one of <see cref="PurgedTraces"/>: "table: value".</summary>
    private async Task<List<string>> TracesAsync()
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        var tables = _db.Database.Dialect == AdWatch.Storage.SqlDialect.Sqlite
            ? await c.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            : await c.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
        var found = new List<string>();
        foreach (var table in tables)
        {
            foreach (IDictionary<string, object?> row in await c.QueryAsync($"SELECT * FROM {table}"))
            {
                foreach (var value in row.Values)
                {
                    var text = value switch
                    {
                        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                        null => "",
                        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    };
                    found.AddRange(PurgedTraces.Where(t => text.Contains(t, StringComparison.Ordinal)).Select(t => $"{table}: {t} in '{text}'"));
                }
            }
        }
        return found;
    }

    private async Task PhotoAsync(string sha, DateTimeOffset storedAt, params (string Ad, string Url)[] uses)
    {
        await using var c = await _db.Database.OpenAsync(Ct);
        await c.ExecuteAsync("""
            INSERT INTO stored_images (sha256, content_type, width, height, byte_size, stored_at, content)
            VALUES (@sha, 'image/jpeg', 1, 1, 3, @storedAt, @content)
            """, new { sha, storedAt, content = new byte[] { 1, 2, 3 } });
        foreach (var (ad, url) in uses)
        {
            await c.ExecuteAsync("INSERT INTO image_hashes (url, phash, fetched_at, image_sha256) VALUES (@url, 7, @storedAt, @sha)",
                new { url, storedAt, sha });
            await c.ExecuteAsync("""
                INSERT INTO ad_images (version_id, url, phash)
                SELECT v.id, @url, 7 FROM ad_versions v JOIN ads a ON a.id = v.ad_id WHERE a.external_id = @ad
                """, new { url, ad });
        }
    }
}
