using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Review;
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
        Options.Create(new AnalysisFileOptions { RulesFile = rulesFile ?? Path.Combine(RepoPaths.Root, "config", "analysis.yaml") }),
        NullLogger<AnalysisRunner>.Instance);

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
        var first = await Runner(db).RunAsync(AsOf(20), full: false, null, ct);
        first.Mode.ShouldBe("full");
        first.Report.Locations.ShouldBeEmpty();
        first.Fingerprinted.ShouldBe(3);

        (await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "bad", "misread", "analist1", AsOf(20), ct)).ShouldBeTrue();
        var second = await Runner(db).RunAsync(AsOf(20), full: false, null, ct);

        second.Mode.ShouldBe("incremental");
        second.ChangedAds.ShouldBe(2);
        var location = second.Report.Locations.ShouldHaveSingleItem();
        (location.Label, location.Precision, location.Postcode, location.MunicipalityCode, location.Status, location.Advertisers, location.ShortStays)
            .ShouldBe(("Stationslaan 14, 3841 AB Harderwijk", "address", "3841AB", "GM0243", "new", 3, 3));
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

        var third = await Runner(db).RunAsync(AsOf(20), full: false, null, ct);
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
        await Runner(db).RunAsync(AsOf(20), false, null, ct);
        var store = new AnalysisStore(db.Database);
        async Task<long> AdvertiserOf(long adId)
        {
            await using var c = await db.Database.OpenAsync(ct);
            return await c.ExecuteScalarAsync<long>("SELECT advertiser_id FROM advertiser_ads WHERE ad_id = @adId", new { adId });
        }
        (await AdvertiserOf(ads[1])).ShouldBe(await AdvertiserOf(ads[2]));

        await extraction.SetPhoneStatusAsync("+31800000000", "bad", "misread", "analist1", AsOf(20), ct);
        await Runner(db).RunAsync(AsOf(20), false, null, ct);
        (await AdvertiserOf(ads[1])).ShouldNotBe(await AdvertiserOf(ads[2]));
        (await store.AdsOfAdvertiserAsync(await AdvertiserOf(ads[2]), ct)).ShouldBe([ads[2]]);

        await extraction.SetPhoneStatusAsync("+31800000000", "ok", null, "analist1", AsOf(21), ct);
        var back = await Runner(db).RunAsync(AsOf(20), false, null, ct);
        (await AdvertiserOf(ads[1])).ShouldBe(await AdvertiserOf(ads[2]));
        back.Report.Locations.ShouldBeEmpty();
    }

    [Fact]
    public async Task SetPhoneStatus_ReRunsAnalysisAsOfThePreviousRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        await SeedRotationAsync(new AnalysisSeed(db.Database), ct);
        var runner = Runner(db);
        (await runner.RunAsync(AsOf(20), false, null, ct)).Report.Locations.ShouldBeEmpty();

        var rerun = (await runner.SetPhoneStatusAsync("+31800000000", "generic", "servicenummer van de site", "analist1", ct)).ShouldNotBeNull();

        rerun.Report.AsOf.ShouldBe("2023-06-21T23:00:00Z");
        rerun.Report.Locations.ShouldHaveSingleItem().Advertisers.ShouldBe(3);
        rerun.Mode.ShouldBe("incremental");
        (await runner.SetPhoneStatusAsync("+31899999999", "bad", null, "analist1", ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Run_IncrementalEqualsFull_AfterADayOfNewObservations()
    {
        var ct = TestContext.Current.CancellationToken;
        var incremental = await NewDatabaseAsync();
        var full = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        foreach (var db in new[] { incremental, full, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            var ads = await SeedRotationAsync(seed, ct);
            await seed.AdAsync("t1", "Bella", "Ik ben Bella, alleen deze week in de stad, bel me snel voor een leuke tijd samen.", ["+31611110009"],
                AnalysisSeed.Town, null, 3, 3, ct);
            if (db != fresh)
            {
                await Runner(db).RunAsync(AsOf(16), full: true, null, ct);
            }
            // A day later: one ad seen again, a new advertiser at the house, the misread number marked bad.
            await seed.ObserveAsync(ads[2], 16, 1, ct);
            await seed.AdAsync("r4", "Sofia", "Soy Sofia, nueva en Harderwijk, besos y cariño para ti, llámame ya mismo guapo.", ["+573001110004"],
                AnalysisSeed.House, 0x8888_8888_8888_8888, 17, 1, ct);
            await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "bad", null, "analist1", AsOf(17), ct);
        }

        var a = await Runner(incremental).RunAsync(AsOf(17), full: false, null, ct);
        var b = await Runner(full).RunAsync(AsOf(17), full: true, null, ct);
        var c = await Runner(fresh).RunAsync(AsOf(17), full: true, null, ct);

        a.Mode.ShouldBe("incremental");
        a.ChangedAds.ShouldBe(3);
        var snapshot = await new AnalysisSeed(incremental.Database).SnapshotAsync(ct);
        snapshot.ShouldContain(l => l.StartsWith("flag pc:", StringComparison.Ordinal) || l.StartsWith("flag adr:", StringComparison.Ordinal));
        (await new AnalysisSeed(full.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
        (await new AnalysisSeed(fresh.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
        b.Report.ToJson().ShouldBe(a.Report.ToJson());
        c.Report.Locations.Single().Advertisers.ShouldBe(4);
    }

    /// <summary>
    /// Two town-only ads joined by one phone (no location ties them to anything else); extraction runs again on the older one and
    /// finds another number. Only that ad changed, yet the other one's advertiser must change too: what a re-extraction took away
    /// is not known any more, so the run is full.
    /// </summary>
    [Fact]
    public async Task Run_IsFull_AfterReExtraction_AndSplitsTheAdvertiser()
    {
        var ct = TestContext.Current.CancellationToken;
        var incremental = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        foreach (var db in new[] { incremental, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            var first = await seed.AdAsync("e1", "Bella", "Ik ben Bella, alleen deze week in de stad, bel me snel voor een leuke tijd samen.",
                ["+31611110021"], AnalysisSeed.Town, null, 0, 3, ct);
            await seed.AdAsync("e2", "Nieuw", "Warm en gezellig, massage en meer, rustig centrum, bel gerust voor een afspraak vanavond nog.",
                ["+31611110021"], AnalysisSeed.Town, null, 5, 3, ct);
            if (db == incremental)
            {
                (await Runner(db).RunAsync(AsOf(10), full: false, null, ct)).Result.Advertisers.ShouldHaveSingleItem();
            }
            await seed.ReextractAsync(first, ["+31611110022"], AnalysisSeed.Day0.AddDays(401), ct);
        }

        var a = await Runner(incremental).RunAsync(AsOf(10), full: false, null, ct);
        await Runner(fresh).RunAsync(AsOf(10), full: true, null, ct);

        (a.Mode, a.ChangedAds, a.RecomputedAds).ShouldBe(("full", 1, 2));
        var snapshot = await new AnalysisSeed(incremental.Database).SnapshotAsync(ct);
        snapshot.Count(l => l.StartsWith("adv ", StringComparison.Ordinal)).ShouldBe(2);
        (await new AnalysisSeed(fresh.Database).SnapshotAsync(ct)).ShouldBe(snapshot);
    }

    /// <summary>
    /// Three town-only ads linked only by one photo; a fourth ad with that photo appears elsewhere, and the photo — now on more
    /// than maxSharedHashAds (3) ads — is stock and links nothing. Only the fourth ad changed, yet the first three must come
    /// apart: the incremental run recomputes every ad carrying a hash that just turned into stock.
    /// </summary>
    [Fact]
    public async Task Run_Incremental_UnlinksAds_WhoseSharedPhotoJustBecameStock()
    {
        var ct = TestContext.Current.CancellationToken;
        var rules = await RulesAsync(ct, ("maxSharedHashAds: 50", "maxSharedHashAds: 3"));
        var incremental = await NewDatabaseAsync();
        var fresh = await NewDatabaseAsync();
        const ulong photo = 0x0123_4567_89AB_CDEF;
        string[] bodies =
        [
            "Warm en gezellig, massage en meer, rustig centrum, bel gerust voor een afspraak vanavond nog.",
            "Zacht en lief, alleen in het weekend, koffie staat klaar, parkeren voor de deur kan gewoon.",
            "Ochtend of middag, douche en handdoek aanwezig, discreet adres dicht bij het station hier.",
            "Latina brasil, jong en slank, hotel of escort in de avond en nacht, stuur een bericht graag.",
        ];
        foreach (var db in new[] { incremental, fresh })
        {
            var seed = new AnalysisSeed(db.Database);
            for (var i = 0; i < 3; i++)
            {
                await seed.AdAsync($"s{i}", "Nieuw", bodies[i], [], AnalysisSeed.Town, photo, i * 2, 2, ct);
            }
            if (db == incremental)
            {
                (await Runner(db, rules).RunAsync(AsOf(10), full: false, null, ct)).Result.Advertisers.ShouldHaveSingleItem();
            }
            await seed.AdAsync("s3", "Nieuw", bodies[3], [], Places[5], photo, 11, 1, ct);
        }

        var a = await Runner(incremental, rules).RunAsync(AsOf(11), full: false, null, ct);
        await Runner(fresh, rules).RunAsync(AsOf(11), full: true, null, ct);
        File.Delete(rules);

        (a.Mode, a.ChangedAds, a.RecomputedAds).ShouldBe(("incremental", 1, 4));
        var snapshot = await new AnalysisSeed(incremental.Database).SnapshotAsync(ct);
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

    private static readonly ResolvedAddress[] Places =
    [
        AnalysisSeed.House,
        new("Kerkstraat 3, 3841 CD Harderwijk", "Kerkstraat", "3", "3841CD", "Harderwijk", "GM0243", true, GeoPrecision.Address, 52.35, 5.62),
        new("Dorpsweg 8, 3851 AB Ermelo", "Dorpsweg", "8", "3851AB", "Ermelo", "GM0233", true, GeoPrecision.Address, 52.30, 5.62),
        new("Voorstraat 1, 3811 AB Amersfoort", "Voorstraat", "1", "3811AB", "Amersfoort", "GM0307", false, GeoPrecision.Address, 52.15, 5.38),
        AnalysisSeed.Town,
        new("Ermelo", null, null, null, "Ermelo", "GM0233", true, GeoPrecision.Place, 52.30, 5.62),
        new("Nunspeet", null, null, null, "Nunspeet", "GM0302", false, GeoPrecision.Place, 52.37, 5.78),
    ];

    private static readonly string[] Words =
    [
        "lief", "ondeugend", "discreet", "schoon", "bel", "app", "afspraak", "thuis", "week", "dagen", "nieuw", "stad", "kom", "snel",
        "parkeren", "deur", "privé", "ontvangst", "massage", "zacht", "warm", "gezellig", "vanavond", "morgen", "weekend", "vandaag",
        "kus", "knuffel", "verrassing", "jong", "mooi", "slank", "blond", "donker", "latina", "brasil", "colombia", "venezuela", "spaans",
        "engels", "hotel", "escort", "avond", "nacht", "ochtend", "middag", "koffie", "douche", "handdoek", "rustig", "centrum", "station",
    ];

    private static readonly string[] Templates =
    [
        "Hoi schat, ik ben {0}, net aangekomen en maar een paar dagen hier, bel me voor een afspraak bij mij thuis, discreet.",
        "Latina bomba {0} de hele week beschikbaar, privé ontvangst, parkeren voor de deur, bel of app voor meer informatie.",
        "Nieuw in de stad: {0}, lief en ondeugend, alleen deze week, kom snel langs want ik blijf maar heel kort hier.",
        "Soy {0}, nueva en la ciudad, besos y cariño para ti, llámame ya mismo guapo, solo unos días aquí contigo.",
    ];

    /// <summary>
    /// A random month and a half, crawled day by day into two databases: one analysed incrementally after each day, one in full.
    /// Ads share phones, photos (exact and a few bits apart), templates and names; they come back after gaps; an analyst marks a
    /// phone bad and later ok again; extraction runs again on some ads and finds another phone (links vanish); places are houses
    /// in and outside the region and bare towns; the flag window is 21 days so it slides within the test, and a photo or text on more
    /// than 3 ads counts as stock, so hashes turn into stock during the month. After every day the
    /// analysis tables and the report must be the same — and the incremental runs must really have recomputed less than
    /// everything on most days.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Run_IncrementalEqualsFull_DayByDay_OnARandomMonth(int seedNumber)
    {
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(seedNumber);
        var phones = Enumerable.Range(0, 25).Select(i => $"+3161111{i:D4}").ToArray();
        var names = new[] { "Luna", "Bella", "Sofia", "Maya", "Ana" };
        var photos = Enumerable.Range(1, 12).Select(i => 0x9E37_79B9_7F4A_7C15UL * (ulong)i).ToArray();
        var ads = Enumerable.Range(0, 40).Select(i =>
        {
            var name = random.Next(6) < 5 ? names[random.Next(names.Length)] : null;
            var own = phones[random.Next(phones.Length - 1)];
            string[] adPhones = random.Next(10) switch
            {
                < 6 => [own],
                6 => [own, phones[random.Next(phones.Length - 1)]],
                7 => [phones[^1], own], // a booking number next to the worker's own
                8 => [phones[^1]],
                _ => [],
            };
            var place = random.Next(10) switch { < 6 => Places[random.Next(4)], < 9 => Places[4 + random.Next(3)], _ => null };
            ulong? photo = random.Next(10) < 6 ? photos[random.Next(photos.Length)] ^ (random.Next(3) == 0 ? 1UL << random.Next(64) : 0) : null;
            var start = random.Next(0, 30);
            var days = random.Next(1, 9);
            var back = random.Next(5) == 0 ? start + days + random.Next(1, 12) : -1;
            adPhones = [.. adPhones.Distinct()];
            return (Id: $"x{i}", Title: name is null ? "Nieuw!" : $"{name} – nieuw", Body: random.Next(10) < 3
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Templates[random.Next(Templates.Length)], name ?? "je meisje")
                    : string.Join(' ', Enumerable.Range(0, 14).Select(_ => Words[random.Next(Words.Length)])), Phones: adPhones, Place: place, Photo: photo, Start: start, Days: days,
                Back: back, BackDays: random.Next(1, 5));
        }).ToList();
        var marked = phones[random.Next(phones.Length)];

        var incremental = await NewDatabaseAsync();
        var full = await NewDatabaseAsync();
        var rules = await RulesAsync(ct, ("windowDays: 90", "windowDays: 21"), ("maxSharedHashAds: 50", "maxSharedHashAds: 3"));
        var reextracted = ads.Where((_, i) => i % 7 == 3).ToList();
        var ids = new Dictionary<(TestDatabase, string), long>();
        var partialDays = 0;
        var recomputed = new List<string>();
        for (var day = 0; day < 45; day++)
        {
            foreach (var db in new[] { incremental, full })
            {
                var seed = new AnalysisSeed(db.Database);
                foreach (var ad in ads)
                {
                    var active = (day >= ad.Start && day < ad.Start + ad.Days) || (ad.Back >= 0 && day >= ad.Back && day < ad.Back + ad.BackDays);
                    if (!active)
                    {
                        continue;
                    }
                    if (!ids.TryGetValue((db, ad.Id), out var adId))
                    {
                        ids[(db, ad.Id)] = await seed.AdAsync(ad.Id, ad.Title, ad.Body, ad.Phones, ad.Place, ad.Photo, day, 1, ct);
                    }
                    else
                    {
                        await seed.ObserveAsync(adId, day, 1, ct);
                    }
                }
                if (day is 12 or 27)
                {
                    var store = new ExtractionStore(db.Database);
                    await store.SetPhoneStatusAsync(marked, day == 12 ? "bad" : "ok", null, "analist1", AsOf(day).AddHours(-1), ct);
                }
                foreach (var ad in reextracted.Where(r => day == r.Start + r.Days && ids.ContainsKey((db, r.Id))))
                {
                    // After the runner's clock (day 400+), as a real re-extraction would be after the previous analysis.
                    await seed.ReextractAsync(ids[(db, ad.Id)], [$"+3169999{day:D4}"], AnalysisSeed.Day0.AddDays(401 + day), ct);
                }
            }

            var a = await Runner(incremental, rules).RunAsync(AsOf(day), full: false, null, ct);
            var b = await Runner(full, rules).RunAsync(AsOf(day), full: true, null, ct);

            a.Mode.ShouldBe(day == 0 || reextracted.Any(r => day == r.Start + r.Days && r.Start + r.Days < 45) ? "full" : "incremental");
            if (a.RecomputedAds < b.RecomputedAds)
            {
                partialDays++;
            }
            recomputed.Add($"{a.RecomputedAds}/{b.RecomputedAds}");
            var context = $"seed {seedNumber}, day {day}";
            (await new AnalysisSeed(incremental.Database).SnapshotAsync(ct)).ShouldBe(await new AnalysisSeed(full.Database).SnapshotAsync(ct), context);
            Comparable(a.Report).ShouldBe(Comparable(b.Report), context);
        }
        File.Delete(rules);
        partialDays.ShouldBeGreaterThan(20, $"the incremental runs should have recomputed only part of the ads on several days: {string.Join(" ", recomputed)}");
        (await new AnalysisSeed(full.Database).SnapshotAsync(ct)).ShouldContain(l => l.StartsWith("flag ", StringComparison.Ordinal),
            "the month should have produced at least one flag to compare");
    }

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
            var house = new ResolvedAddress($"{postcode[..4]} {postcode[4..]} Harderwijk", null, null, postcode, "Harderwijk", "GM0243", true,
                GeoPrecision.Postcode, 52.34, 5.62);
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

        var run = await Runner(db).RunAsync(AsOf(30), full: false, null, ct);

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

        var run = await Runner(db, rules).RunAsync(AsOf(30), full: false, null, ct);
        File.Delete(rules);

        run.Report.Locations.Single(l => l.Postcode == "3841AB").Reasons[0].Text
            .ShouldBe("3 different advertisers stayed here briefly (at most 7 days) within 90 days.");
    }

    [Fact]
    public async Task Run_KeepsReviewStatus_AndDeactivatesFlag_WhenLocationNoLongerQualifies()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = await NewDatabaseAsync();
        var seed = new AnalysisSeed(db.Database);
        await SeedRotationAsync(seed, ct);
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "generic", null, "analist1", AsOf(0), ct);
        var flagged = await Runner(db).RunAsync(AsOf(20), false, null, ct);
        var flagId = flagged.Written.FlagByLocation.Values.Single().Id;
        (await new ReviewStore(db.Database).TransitionAsync(flagId, ReviewStatus.New, ReviewStatus.InReview, "analist1", null, "analist1", AsOf(21), ct)).ShouldBeTrue();

        // The analyst takes the "generic" mark back: the misread number joins r2 and r3 again, two advertisers, no longer a rotation.
        await new ExtractionStore(db.Database).SetPhoneStatusAsync("+31800000000", "ok", null, "analist1", AsOf(22), ct);
        var later = await Runner(db).RunAsync(AsOf(30), false, null, ct);

        later.Report.Locations.ShouldBeEmpty();
        var state = later.Written.FlagByLocation.Values.Single();
        (state.Id, state.Status, state.Active, state.FirstFlaggedAt).ShouldBe((flagId, "in_review", false, AsOf(20)));
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
            var run = await Runner(db).RunAsync(AsOf(20), false, csv, ct);

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
