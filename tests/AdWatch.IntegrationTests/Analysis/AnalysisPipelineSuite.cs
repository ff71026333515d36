using AdWatch.Analysis;
using AdWatch.Extraction;
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

    private static AnalysisRunner Runner(TestDatabase db) => new(db.Database, new FakeTimeProvider(AnalysisSeed.Day0.AddDays(400)),
        Options.Create(new AnalysisFileOptions { RulesFile = Path.Combine(RepoPaths.Root, "config", "analysis.yaml") }),
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
        (await new ReviewStore(db.Database).TransitionAsync(flagId, "new", "in_review", "analist1", null, "analist1", AsOf(21), ct)).ShouldBeTrue();

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
