using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Review;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Analysis;

/// <summary>Loader + engine + writer on a real database (SQLite; PostgreSQL when configured), seeded with synthetic ads.</summary>
public abstract class AnalysisPipelineSuite : IAsyncLifetime
{
    private readonly List<TestDatabase> _dbs = [];

    protected abstract Task<TestDatabase> CreateAsync();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _dbs)
        {
            await db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    private async Task<TestDatabase> NewDatabaseAsync()
    {
        var db = await CreateAsync();
        _dbs.Add(db);
        await db.Migrator().MigrateAsync(TestContext.Current.CancellationToken);
        return db;
    }

    private static AnalysisRunner Runner(TestDatabase db, string? rulesFile = null) => new(db.Database,
        new FakeTimeProvider(AnalysisSeed.Day0.AddDays(400)),
        new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = rulesFile ?? Path.Combine(RepoPaths.Root, "config", "analysis.yaml") })),
        Options.Create(new RegionOptions()), NullLogger<AnalysisRunner>.Instance);

    private static DateTimeOffset AsOf(int day) => AnalysisSeed.Day0.AddDays(day).AddHours(14);

    /// <summary>Three women at one house, four days each; ads 2 and 3 carry the same misread number as well as their own.</summary>
    private static async Task<long[]> SeedRotationAsync(AnalysisSeed seed, CancellationToken ct) =>
    [
        await seed.AdAsync("r1", "Luna – nieuw in Harderwijk", "Hoi, ik ben Luna, net aangekomen. Bel me voor een afspraak bij mij thuis, discreet en schoon.",
            ["+31611110001"], AnalysisSeed.House, 0x1111_1111_1111_1111, 0, 4, ct),
        await seed.AdAsync("r2", "Nieuw!", "Hallo schat, zoete verrassing deze week alleen in Harderwijk, kom snel langs want ik blijf maar kort.",
            ["+31611110002", "+31800000000"], AnalysisSeed.House, 0x2222_2222_2222_2222, 6, 4, ct),
        await seed.AdAsync("r3", "Top service", "Latina bomba, de hele week beschikbaar, privé ontvangst, parkeren voor de deur, bel of app.",
            ["+31800000000"], AnalysisSeed.House, 0x4444_4444_4444_4444, 12, 4, ct), // only the misread number
    ];

    [Fact]
    public async Task Run_FlagsRotationHouse_AndWritesNothing_WhenRunAgainUnchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        var ads = await SeedRotationAsync(seed, ct);
        // The misread number makes r2 and r3 look like one advertiser: two advertisers, no flag yet.
        var first = await Runner(db).RunAsync(AsOf(20), null, ct);
        first.Report.Locations.ShouldBeEmpty();
        first.Fingerprinted.ShouldBe(3);

        (await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "bad", "misread", "analist1", AsOf(20), ct)).ShouldBeTrue();
        var second = await Runner(db).RunAsync(AsOf(20), null, ct);

        var location = second.Report.Locations.ShouldHaveSingleItem();
        (location.Label, location.Precision, location.Postcode, location.MunicipalityCode, location.Status, location.Advertisers, location.ShortStays)
            .ShouldBe(("Stationslaan 14, 3841 AB Harderwijk", GeoPrecision.Address, "3841AB", "GM0243", "new", 3, 3));
        location.Ads.ShouldBe(ads.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        location.Phones.ShouldBe(["+31611110001", "+31611110002"]);
        location.Reasons[0].Text.ShouldStartWith("3 verschillende adverteerders verbleven hier kort");
        location.FirstSeen.ShouldBe("2023-06-01T00:00:00Z");
        location.LastSeen.ShouldBe("2023-06-16T23:59:59Z");
        second.Result.Advertisers.Single(a => a.Ads.Any(l => l.AdId == ads[0])).Label.ShouldBe("Luna");
        var json = second.Report.ToJson();
        json.ShouldContain("\"asOf\": \"2023-06-21T23:00:00Z\"");
        json.ShouldContain("\"region\": [");
        json.ShouldContain("\"houseNumber\": \"14\"");

        var third = await Runner(db).RunAsync(AsOf(20), null, ct);
        third.Written.Stats.Total.ShouldBe(0);
        third.Report.ToJson().ShouldBe(json);
    }

    [Fact]
    public async Task Run_DropsLinksOfAPhoneMarkedBad_AndRestoresThemWhenMarkedOk()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var ads = await SeedRotationAsync(new AnalysisSeed(db.Database), ct);
        var extraction = new ExtractionStore(db.Database);
        await Runner(db).RunAsync(AsOf(20), null, ct);
        var store = new AnalysisStore(db.Database);
        async Task<long> AdvertiserOf(long adId)
        {
            await using var c = await db.Database.OpenAsync(ct);
            return await c.ExecuteScalarAsync<long>("SELECT advertiser_id FROM advertiser_ads WHERE ad_id = @adId", new { adId });
        }
        (await AdvertiserOf(ads[1])).ShouldBe(await AdvertiserOf(ads[2]));

        await extraction.SetPhoneStatusAsync("+31800000000", "bad", "misread", "analist1", AsOf(20), ct);
        await Runner(db).RunAsync(AsOf(20), null, ct);
        (await AdvertiserOf(ads[1])).ShouldNotBe(await AdvertiserOf(ads[2]));
        (await store.AdsOfAdvertiserAsync(await AdvertiserOf(ads[2]), ct)).ShouldBe([ads[2]]);

        await extraction.SetPhoneStatusAsync("+31800000000", "ok", null, "analist1", AsOf(21), ct);
        var back = await Runner(db).RunAsync(AsOf(20), null, ct);
        (await AdvertiserOf(ads[1])).ShouldBe(await AdvertiserOf(ads[2]));
        back.Report.Locations.ShouldBeEmpty();
    }

    [Fact]
    public async Task MarkPhone_StoresTheStatus_AndEnqueuesARerunAsOfThePreviousRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedRotationAsync(new AnalysisSeed(db.Database), ct);
        var runner = Runner(db);
        (await runner.RunAsync(AsOf(20), null, ct)).Report.Locations.ShouldBeEmpty();
        var jobs = new RecordingJobClient();
        var marking = new PhoneMarking(new ExtractionStore(db.Database), jobs, new FakeTimeProvider(AnalysisSeed.Day0.AddDays(400)));

        (await marking.MarkAsync("+31800000000", "generic", "servicenummer van de site", "analist1", ct)).ShouldBeTrue();

        var job = jobs.Created.ShouldHaveSingleItem();
        (job.Type, job.Method.Name).ShouldBe((typeof(AnalysisJob), nameof(AnalysisJob.RerunAsync)));
        var rerun = await runner.RerunAsync(ct);
        rerun.Report.AsOf.ShouldBe("2023-06-21T23:00:00Z");
        rerun.Report.Locations.ShouldHaveSingleItem().Advertisers.ShouldBe(3);
        (await marking.MarkAsync("+31899999999", "bad", null, "analist1", ct)).ShouldBeFalse();
        jobs.Created.Count.ShouldBe(1);
    }

    /// <summary>Hangfire's client, recording what would be enqueued.</summary>
    private sealed class RecordingJobClient : Hangfire.IBackgroundJobClient
    {
        public List<Hangfire.Common.Job> Created { get; } = [];

        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => true;
    }

    /// <summary>
    /// Two runs started together take turns (<see cref="AnalysisLock"/>): whichever comes second finds everything written and
    /// writes nothing, where two overlapping runs would both insert the same advertisers and locations.
    /// </summary>
    [Fact]
    public async Task Run_TwoAtOnce_TakeTurns()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedRotationAsync(new AnalysisSeed(db.Database), ct);

        var runs = await Task.WhenAll(Task.Run(() => Runner(db).RunAsync(AsOf(20), null, ct), ct), Task.Run(() => Runner(db).RunAsync(AsOf(20), null, ct), ct));

        runs.Select(r => r.Written.Stats.Total > 0).Order().ShouldBe([false, true]);
        (await new AnalysisSeed(db.Database).SnapshotAsync(ct)).Count(l => l.StartsWith("adv ", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task Lock_SecondHolderWaits_UntilTheFirstReleases()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var events = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var firstHolds = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();

        var first = Task.Run(async () =>
        {
            await using (await AnalysisLock.AcquireAsync(db.Database, ct))
            {
                events.Enqueue("first in");
                firstHolds.SetResult();
                await releaseFirst.Task;
                events.Enqueue("first out");
            }
        }, ct);
        await firstHolds.Task;
        var second = Task.Run(async () =>
        {
            await using (await AnalysisLock.AcquireAsync(db.Database, ct))
            {
                events.Enqueue("second in");
            }
        }, ct);
        // Give a lock that does not hold the chance to let the second in early; the assertion is the order, not the time.
        await Task.WhenAny(second, Task.Delay(500, ct));
        releaseFirst.SetResult();
        await Task.WhenAll(first, second);

        events.ShouldBe(["first in", "first out", "second in"]);
    }

    [Fact]
    public async Task Run_AfterADayOfNewObservations_EqualsAFreshRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var again = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        foreach (var db in new[] { again, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            var ads = await SeedRotationAsync(seed, ct);
            await seed.AdAsync("t1", "Bella", "Ik ben Bella, alleen deze week in de stad, bel me snel voor een leuke tijd samen.", ["+31611110009"],
                AnalysisSeed.Town, null, 3, 3, ct);
            if (db != fresh)
            {
                await Runner(db).RunAsync(AsOf(16), null, ct);
            }
            // A day later: one ad seen again, a new advertiser at the house, the misread number marked bad.
            await seed.ObserveAsync(ads[2], 16, 1, ct);
            await seed.AdAsync("r4", "Sofia", "Soy Sofia, nueva en Harderwijk, besos y cariño para ti, llámame ya mismo guapo.", ["+573001110004"],
                AnalysisSeed.House, 0x8888_8888_8888_8888, 17, 1, ct);
            await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "bad", null, "analist1", AsOf(17), ct);
        }

        var a = await Runner(again).RunAsync(AsOf(17), null, ct);
        var c = await Runner(fresh).RunAsync(AsOf(17), null, ct);

        var snapshot = await new AnalysisSeed(again.Database).SnapshotAsync(ct);
        snapshot.ShouldContain(l => l.StartsWith("flag pc:", StringComparison.Ordinal) || l.StartsWith("flag adr:", StringComparison.Ordinal));
        (await new AnalysisSeed(fresh.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
        Comparable(c.Report).ShouldBe(Comparable(a.Report));
        c.Report.Locations.Single().Advertisers.ShouldBe(4);
    }

    /// <summary>
    /// Two town-only ads joined by one phone (no location ties them to anything else); extraction runs again on the older one and
    /// finds another number. Only that ad changed, yet the other one's advertiser must change too.
    /// </summary>
    [Fact]
    public async Task Run_AfterReExtraction_SplitsTheAdvertiser()
    {
        var ct = TestContext.Current.CancellationToken;
        var again = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        foreach (var db in new[] { again, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            var first = await seed.AdAsync("e1", "Bella", "Ik ben Bella, alleen deze week in de stad, bel me snel voor een leuke tijd samen.",
                ["+31611110021"], AnalysisSeed.Town, null, 0, 3, ct);
            await seed.AdAsync("e2", "Nieuw", "Warm en gezellig, massage en meer, rustig centrum, bel gerust voor een afspraak vanavond nog.",
                ["+31611110021"], AnalysisSeed.Town, null, 5, 3, ct);
            if (db == again)
            {
                (await Runner(db).RunAsync(AsOf(10), null, ct)).Result.Advertisers.ShouldHaveSingleItem();
            }
            await seed.ReextractAsync(first, ["+31611110022"], AnalysisSeed.Day0.AddDays(401), ct);
        }

        await Runner(again).RunAsync(AsOf(10), null, ct);
        await Runner(fresh).RunAsync(AsOf(10), null, ct);

        var snapshot = await new AnalysisSeed(again.Database).SnapshotAsync(ct);
        snapshot.Count(l => l.StartsWith("adv ", StringComparison.Ordinal)).ShouldBe(2);
        (await new AnalysisSeed(fresh.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
    }

    /// <summary>
    /// Three town-only ads linked only by one photo; a fourth ad with that photo appears elsewhere, and the photo — now on more
    /// than maxSharedHashAds (3) ads — is stock and links nothing. Only the fourth ad changed, yet the first three must come
    /// apart.
    /// </summary>
    [Fact]
    public async Task Run_UnlinksAds_WhoseSharedPhotoJustBecameStock()
    {
        var ct = TestContext.Current.CancellationToken;
        var rules = await RulesAsync(ct, ("maxSharedHashAds: 50", "maxSharedHashAds: 3"));
        var again = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        const ulong photo = 0x0123_4567_89AB_CDEF;
        string[] bodies =
        [
            "Warm en gezellig, massage en meer, rustig centrum, bel gerust voor een afspraak vanavond nog.",
            "Zacht en lief, alleen in het weekend, koffie staat klaar, parkeren voor de deur kan gewoon.",
            "Ochtend of middag, douche en handdoek aanwezig, discreet adres dicht bij het station hier.",
            "Latina brasil, jong en slank, hotel of escort in de avond en nacht, stuur een bericht graag.",
        ];
        foreach (var db in new[] { again, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            for (var i = 0; i < 3; i++)
            {
                await seed.AdAsync($"s{i}", "Nieuw", bodies[i], [], AnalysisSeed.Town, photo, i * 2, 2, ct);
            }
            if (db == again)
            {
                (await Runner(db, rules).RunAsync(AsOf(10), null, ct)).Result.Advertisers.ShouldHaveSingleItem();
            }
            await seed.AdAsync("s3", "Nieuw", bodies[3], [], Places[5], photo, 11, 1, ct);
        }

        await Runner(again, rules).RunAsync(AsOf(11), null, ct);
        await Runner(fresh, rules).RunAsync(AsOf(11), null, ct);
        File.Delete(rules);

        var snapshot = await new AnalysisSeed(again.Database).SnapshotAsync(ct);
        snapshot.Count(l => l.StartsWith("adv ", StringComparison.Ordinal)).ShouldBe(4);
        (await new AnalysisSeed(fresh.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
    }

    /// <summary>A copy of config/analysis.yaml with some settings replaced (each replacement checked, so a renamed key fails loudly).</summary>
    private static async Task<string> RulesAsync(CancellationToken ct, params (string From, string To)[] replacements)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "config", "analysis.yaml"), ct);
        foreach (var (from, to) in replacements)
        {
            text.ShouldContain(from);
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        var path = Path.Combine(Path.GetTempPath(), $"analysis-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, text, ct);
        return path;
    }

    private static readonly GeocodedAddress[] Places =
    [
        AnalysisSeed.House,
        new("Kerkstraat 3, 3841 CD Harderwijk", new Place(GeoPrecision.Address, "Kerkstraat", "3", "3841CD", "Harderwijk", "GM0243", true, 52.35, 5.62)),
        new("Dorpsweg 8, 3851 AB Ermelo", new Place(GeoPrecision.Address, "Dorpsweg", "8", "3851AB", "Ermelo", "GM0233", true, 52.30, 5.62)),
        new("Voorstraat 1, 3811 AB Amersfoort", new Place(GeoPrecision.Address, "Voorstraat", "1", "3811AB", "Amersfoort", "GM0307", false, 52.15, 5.38)),
        AnalysisSeed.Town,
        new("Ermelo", new Place(GeoPrecision.Place, null, null, null, "Ermelo", "GM0233", true, 52.30, 5.62)),
        new("Nunspeet", new Place(GeoPrecision.Place, null, null, null, "Nunspeet", "GM0302", false, 52.37, 5.78)),
    ];

    private static readonly string[] Words =
    [
        "lief", "ondeugend", "discreet", "schoon", "bel", "app", "afspraak", "thuis", "week", "dagen", "nieuw", "stad", "kom", "snel",
        "parkeren", "deur", "privé", "ontvangst", "massage", "zacht", "warm", "gezellig", "vanavond", "morgen", "weekend", "vandaag",
        "kus", "knuffel", "verrassing", "jong", "mooi", "slank", "blond", "donker", "latina", "brasil", "colombia", "venezuela", "spaans",
        "engels", "hotel", "escort", "avond", "nacht", "ochtend", "middag", "koffie", "douche", "handdoek", "rustig", "centrum", "station",
    ];

    /// <summary>The report without database ids (the two databases may number locations and advertisers differently).</summary>
    private static List<string> Comparable(AnalysisReport report) =>
    [
        .. report.Locations.Select(l => string.Join(" | ", l.Label, l.Score, l.Advertisers, l.ShortStays, l.FirstSeen, l.LastSeen, l.Status,
            string.Join(";", l.Reasons.Select(r => $"{r.Code}:{r.Text}:{string.Join(",", r.Evidence.Ads)}:{string.Join(",", r.Evidence.Dates)}")),
            string.Join(",", l.Phones), string.Join(",", l.Ads))),
        .. report.Touring.Select(t => $"tour {t.Advertiser} {string.Join(",", t.Phones)} {string.Join(",", t.Places)}"),
    ];

    /// <summary>Two rotation houses (postcode precision; 3 and 6 advertisers) and Luna, one phone, in three towns within a month.</summary>
    private static async Task SeedContractAsync(AnalysisSeed seed, CancellationToken ct)
    {
        foreach (var (postcode, count) in new[] { ("3841AB", 3), ("3842CD", 6) })
        {
            var house = new GeocodedAddress($"{postcode[..4]} {postcode[4..]} Harderwijk", new Place(GeoPrecision.Postcode, null, null, postcode, "Harderwijk", "GM0243", true, 52.34, 5.62));
            for (var i = 0; i < count; i++)
            {
                await seed.AdAsync($"{postcode}-{i}", "Nieuw", string.Join(' ', Enumerable.Range(0, 12).Select(k => Words[(i * 7 + k * 5 + count) % Words.Length])),
                    [$"+3161000{postcode[..4]}{i}"], house, 0x0101_0101_0101_0101UL * (ulong)(i + 1 + count * 10), i * 5, 4, ct);
            }
        }
        foreach (var (town, day) in new[] { (Places[6], 0), (Places[5], 5), (Places[3], 10) })
        {
            await seed.AdAsync($"luna-{day}", "Luna – op tournee", "Ik ben Luna, een paar dagen in de stad, bel me snel voor een afspraak.",
                ["+31699990000"], town, null, day, 3, ct);
        }
    }

    [Fact]
    public async Task Report_FollowsTheContract()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedContractAsync(new AnalysisSeed(db.Database), ct);

        var run = await Runner(db).RunAsync(AsOf(30), null, ct);

        using var json = System.Text.Json.JsonDocument.Parse(run.Report.ToJson());
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["asOf", "region", "locations", "touring"]);
        root.GetProperty("asOf").GetString().ShouldBe("2023-07-01T23:00:00Z");
        root.GetProperty("region").EnumerateArray().Select(e => e.GetString()).ShouldBe(["GM0243", "GM0233", "GM0273"]);
        var locations = root.GetProperty("locations").EnumerateArray().ToList();
        locations.Count.ShouldBe(2);
        locations[0].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "label", "precision", "street", "houseNumber", "postcode",
            "municipalityCode", "lat", "lon", "score", "advertisers", "shortStays", "firstSeen", "lastSeen", "status", "reasons", "phones", "ads"]);
        locations[0].GetProperty("score").GetDouble().ShouldBeGreaterThan(locations[1].GetProperty("score").GetDouble());
        (locations[0].GetProperty("postcode").GetString(), locations[0].GetProperty("advertisers").GetInt32()).ShouldBe(("3842CD", 6));
        locations[0].GetProperty("precision").GetString().ShouldBe("postcode");
        locations[0].GetProperty("street").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        locations[0].GetProperty("status").GetString().ShouldBe("new");
        locations[0].GetProperty("firstSeen").GetString().ShouldBe("2023-06-01T00:00:00Z");
        var reason = locations[0].GetProperty("reasons")[0];
        (reason.GetProperty("code").GetString(), reason.GetProperty("text").GetString()).ShouldBe(
            ("rotation", "6 verschillende adverteerders verbleven hier kort (hooguit 7 dagen) binnen 90 dagen."));
        reason.GetProperty("evidence").GetProperty("ads")[0].ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        locations[0].GetProperty("phones")[0].GetString()!.ShouldStartWith("+31");
        var touring = root.GetProperty("touring").EnumerateArray().Single();
        touring.GetProperty("advertiser").GetString().ShouldBe("Luna");
        touring.GetProperty("places").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Nunspeet", "Ermelo", "Amersfoort"]);
        touring.GetProperty("phones").EnumerateArray().Select(e => e.GetString()).ShouldBe(["+31699990000"]);
    }

    [Fact]
    public async Task Report_WritesReasonsInEnglish_WhenConfigured()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedContractAsync(new AnalysisSeed(db.Database), ct);
        var rules = await RulesAsync(ct, ("language: nl", "language: en"));

        var run = await Runner(db, rules).RunAsync(AsOf(30), null, ct);
        File.Delete(rules);

        run.Report.Locations.Single(l => l.Postcode == "3841AB").Reasons[0].Text
            .ShouldBe("3 different advertisers stayed here briefly (at most 7 days) within 90 days.");
    }

    [Fact]
    public async Task Run_KeepsALocationWithAControlOrMeasure_WhenNoAdNamesItAnyMore()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        var adId = await seed.AdAsync("c1", "Nieuw in Harderwijk", "Privé ontvangst, bel me.", ["+31611110009"], AnalysisSeed.House, 0x1234_1234_1234_1234, 0, 3, ct);
        await Runner(db).RunAsync(AsOf(5), null, ct);
        await using var c = await db.Database.OpenAsync(ct);
        var location = await c.ExecuteScalarAsync<long>("SELECT id FROM locations");
        var enforcement = new AdWatch.Enforcement.EnforcementStore(db.Database, new AdWatch.Privacy.AuditLog(db.Database, TimeProvider.System), TimeProvider.System);
        (await enforcement.RecordControlAsync(new AdWatch.Enforcement.NewControl(location, new DateOnly(2026, 1, 9), [AdWatch.Enforcement.ControlParty.Pct],
            AdWatch.Enforcement.Premises.Woning, false, 0, 0, false, false, "niemand aangetroffen"), "coco", ct)).Succeeded.ShouldBeTrue();
        (await enforcement.RecordMeasureAsync(new AdWatch.Enforcement.NewMeasure(location, AdWatch.Enforcement.MeasureType.Waarschuwing, null, null, null, null,
            AdWatch.Enforcement.MeasureState.Imposed, new DateOnly(2026, 1, 10), null), "coco", ct)).Succeeded.ShouldBeTrue();

        // The ad no longer names the house (re-extraction, or the purge took it): analysis would drop the unflagged location.
        await c.ExecuteAsync("DELETE FROM ad_places WHERE version_id IN (SELECT id FROM ad_versions WHERE ad_id = @adId)", new { adId });
        var later = await Runner(db).RunAsync(AsOf(30), null, ct);

        later.Report.Locations.ShouldBeEmpty();
        (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM locations WHERE id = @location", new { location })).ShouldBe(1);
        (await enforcement.ControlsAsync(location, ct)).ShouldHaveSingleItem().Note.ShouldBe("niemand aangetroffen");
        (await enforcement.MeasuresAsync(location, ct)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Run_KeepsReviewStatus_AndDeactivatesFlag_WhenLocationNoLongerQualifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        await SeedRotationAsync(seed, ct);
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "generic", null, "analist1", AsOf(0), ct);
        var flagged = await Runner(db).RunAsync(AsOf(20), null, ct);
        var flagId = flagged.Written.FlagByLocation.Values.Single().Id;
        (await new ReviewStore(db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.InReview, "analist1", null, "analist1", AsOf(21), ct)).ShouldBeTrue();

        // The analyst takes the "generic" mark back: the misread number joins r2 and r3 again, two advertisers, no longer a rotation.
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "ok", null, "analist1", AsOf(22), ct);
        var later = await Runner(db).RunAsync(AsOf(30), null, ct);

        later.Report.Locations.ShouldBeEmpty();
        var state = later.Written.FlagByLocation.Values.Single();
        (state.Id, state.Status, state.Active, state.FirstFlaggedAt).ShouldBe((flagId, "in_review", false, AsOf(20)));
    }

    [Fact]
    public async Task Run_DeactivatesAFlag_KeepingItsReviewStatus_WhenItsLastQualifyingWindowIsOlderThanFlagActiveDays()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        await SeedRotationAsync(seed, ct);
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "generic", null, "analist1", AsOf(0), ct);
        var flagId = (await Runner(db).RunAsync(AsOf(20), null, ct)).Written.FlagByLocation.Values.Single().Id;
        (await new ReviewStore(db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.InReview, "analist1", null, "analist1", AsOf(21), ct)).ShouldBeTrue();

        // Nothing changed but time: the last stay ended on day 15; 365 days later the rotation still counts, a day more and not.
        (await Runner(db).RunAsync(AsOf(15 + 365), null, ct)).Report.Locations.ShouldHaveSingleItem();
        var later = await Runner(db).RunAsync(AsOf(15 + 366), null, ct);

        later.Report.Locations.ShouldBeEmpty();
        var state = later.Written.FlagByLocation.Values.Single();
        (state.Id, state.Status, state.Active).ShouldBe((flagId, "in_review", false));
    }

    [Theory]
    [InlineData("dismissed", "new", true)]
    [InlineData("in_review", "in_review", false)]
    public async Task Run_MarksNewActivity_AndReopensADecidedFlag_WhenTheLocationQualifiesAgain(string decided, string after, bool reopened)
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        await SeedRotationAsync(seed, ct);
        var phones = new ExtractionStore(db.Database);
        await phones.SetPhoneStatusAsync("+31800000000", "generic", null, "analist1", AsOf(0), ct);
        var flagId = (await Runner(db).RunAsync(AsOf(20), null, ct)).Written.FlagByLocation.Values.Single().Id;
        var reviews = new ReviewStore(db.Database);
        (await reviews.TransitionAsync(flagId, ReviewStatus.New, EnumText.Parse<ReviewStatus>(decided), "analist1", null, null, AsOf(21), ct)).ShouldBeTrue();
        // The location stops qualifying (the misread number joins two advertisers again), then qualifies again.
        await phones.SetPhoneStatusAsync("+31800000000", "ok", null, "analist1", AsOf(22), ct);
        (await Runner(db).RunAsync(AsOf(30), null, ct)).Written.FlagByLocation.Values.Single().Active.ShouldBeFalse();
        await phones.SetPhoneStatusAsync("+31800000000", "generic", null, "analist1", AsOf(31), ct);
        var again = await Runner(db).RunAsync(AsOf(40), null, ct);

        var state = again.Written.FlagByLocation.Values.Single();
        (state.Id, state.Status, state.Active, state.FirstFlaggedAt).ShouldBe((flagId, after, true, AsOf(20)));
        await using var c = await db.Database.OpenAsync(ct);
        (await c.ExecuteScalarAsync<DateTimeOffset?>("SELECT reactivated_at FROM flags WHERE id = @flagId", new { flagId })).ShouldBe(AsOf(40));
        var system = (await c.QueryAsync<(string From, string To, string Note)>(
            "SELECT from_status, to_status, note FROM reviews WHERE flag_id = @flagId AND actor = 'adwatch'", new { flagId })).ToList();
        if (reopened)
        {
            system.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                r => r.From.ShouldBe(decided), r => r.To.ShouldBe("new"), r => r.Note.ShouldContain("Nieuwe activiteit"));
            (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'flag_reopened' AND target_id = @id",
                new { id = flagId.ToString(System.Globalization.CultureInfo.InvariantCulture) })).ShouldBe(1);
        }
        else
        {
            system.ShouldBeEmpty(); // still being reviewed: only the marker
        }
        // Nothing changed since: the next run writes nothing and reopens nothing again.
        (await Runner(db).RunAsync(AsOf(40), null, ct)).Written.Stats.Total.ShouldBe(0);
    }

    [Fact]
    public async Task Run_ShowsLicensedVenue_AndReportsBadVenueRows()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedRotationAsync(new AnalysisSeed(db.Database), ct);
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "bad", null, "analist1", AsOf(0), ct);
        var csv = Path.Combine(Path.GetTempPath(), $"venues-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(csv, """
            name,street,houseNumber,postcode,place,permit,validUntil
            Club Vuurtoren (fictief),Stationslaan,14,3841AB,Harderwijk,HW-1,2030-01-01
            ,Nergensweg,1,3841AA,Harderwijk,HW-2,2030-01-01
            Zonder Nummer,Nergensweg,,3841AA,Harderwijk,HW-3,31-12-2030
            """, ct);
        try
        {
            var run = await Runner(db).RunAsync(AsOf(20), csv, ct);

            run.Report.Locations.ShouldBeEmpty();
            run.Result.Locations.Single().LicensedVenue.ShouldBe("Club Vuurtoren (fictief)");
            run.Warnings.Count.ShouldBe(2);
            run.Warnings[0].ShouldContain(":3:");
            run.Warnings[1].ShouldContain(":4:");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
