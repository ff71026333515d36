using AdWatch.Evidence;
using AdWatch.Exports;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Review;
using Dapper;

namespace AdWatch.IntegrationTests.Dossiers;

/// <summary>The dossier read model on a database analysed for real (SQLite; PostgreSQL when configured).</summary>
public abstract class DossierQuerySuite : ScenarioSuite
{
    [Fact]
    public async Task GetAsync_ReturnsFlagStaysAdsPhonesAndLinks_ForARotationHouse()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Database;
        var s = await DashboardScenario.SeedAsync(db, ct);
        var evidenceId = await new EvidenceStore(db).SaveAsync("<html><body>Luna</body></html>"u8.ToArray(), "https://demo.test/ad/h1", "text/html", 200,
            AnalysisSeed.Day0, ct);
        await using (var c = await db.OpenAsync(ct))
        {
            await c.ExecuteAsync("UPDATE ad_versions SET evidence_id = @evidenceId, image_urls = '[\"https://demo.test/1.jpg\"]' WHERE id = @id",
                new { evidenceId, id = s.LunaFirstVersionId });
        }
        (await new ReviewStore(db).TransitionAsync(s.FlagId, ReviewStatus.New, ReviewStatus.InReview, "analist1", "bekijk ik", "analist1", DashboardScenario.AsOf, ct)).ShouldBeTrue();
        await new ExportStore(db).CreateAsync(s.FlagId, "csv", "coord", DashboardScenario.AsOf, ct);

        var dossier = (await new DossierQuery(db).GetAsync(s.HouseLocationId, ct)).ShouldNotBeNull();

        (dossier.Label, dossier.Place.Precision, dossier.Place.MunicipalityCode, dossier.Place.InRegion, dossier.IsLicensed)
            .ShouldBe(("Stationslaan 14, 3841 AB Harderwijk", GeoPrecision.Address, "GM0243", true, false));
        var flag = dossier.Flag.ShouldNotBeNull();
        (flag.Id, flag.Status, flag.Active, flag.AssignedTo).ShouldBe((s.FlagId, ReviewStatus.InReview, true, "analist1"));
        dossier.Reasons[0].Code.ShouldBe("rotation");
        dossier.Reasons[0].Dutch.ShouldStartWith("3 verschillende adverteerders");
        dossier.Reasons[0].English.ShouldStartWith("3 different advertisers");
        dossier.Stays.Select(x => (x.Start, x.Days, x.LinkKind)).ShouldBe(
            [(Day(0), 4, "address"), (Day(6), 4, "address"), (Day(12), 4, "address")]);
        dossier.Advertisers.Count.ShouldBe(3);
        dossier.Stays[0].AdvertiserLabel.ShouldBe("Luna");

        dossier.Ads.Select(a => a.AdId).ShouldBe(s.HouseAds);
        var luna = dossier.Ads[0];
        (luna.Site, luna.Url, luna.Title, luna.AdvertiserLabel, luna.Observations, luna.ImageUrls.Single())
            .ShouldBe(("demo", "https://demo.test/ad/h1", "Luna – nieuw in Harderwijk", "Luna", 8, "https://demo.test/1.jpg"));
        var capture = luna.Captures.ShouldHaveSingleItem();
        (capture.EvidenceId, capture.EvidenceSha256, capture.ContentType).ShouldBe(
            (evidenceId, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("<html><body>Luna</body></html>"u8)), "text/html"));
        dossier.Ads[1].Captures.ShouldHaveSingleItem().EvidenceSha256.ShouldBeNull();

        dossier.Phones.Select(p => (p.E164, p.Status, p.AdsHere, p.AdsTotal)).ShouldBe(
            [(DashboardScenario.LunaPhone, "ok", 1, 3), ("+31611110002", "ok", 1, 1), ("+31611110003", "ok", 1, 1)]);
        dossier.Phones[0].Elsewhere.Select(e => (e.LocationId, e.PlaceLabel, e.Ads)).ShouldBe(
            [((long?)s.ErmeloLocationId, "Stationsstraat 5, 3851 AA Ermelo", 1), (null, "Zwolle", 1)]);
        dossier.Phones[1].Elsewhere.ShouldBeEmpty();

        var linked = dossier.LinkedLocations.ShouldHaveSingleItem();
        (linked.LocationId, linked.Via, linked.SharedAdvertisers, linked.FlagId).ShouldBe((s.ErmeloLocationId, "advertiser", 1, (long?)null));
        dossier.Operators.ShouldBeEmpty();
        dossier.Reviews.ShouldHaveSingleItem().Note.ShouldBe("bekijk ik");
        // The flag's exports are the later Exports stage's: the page reads them from the store, not from the dossier.
        (await new ExportStore(db).ForFlagAsync(s.FlagId, ct)).ShouldHaveSingleItem().Kind.ShouldBe("csv");
        (await new DossierQuery(db).GetByFlagAsync(s.FlagId, ct)).ShouldNotBeNull().LocationId.ShouldBe(s.HouseLocationId);
    }

    [Fact]
    public async Task PhonesSeenElsewhere_ListEachPlaceOnce_FoldingADistrictIntoItsTown_ButKeepingOtherTowns()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Database;
        var s = await DashboardScenario.SeedAsync(db, ct);
        var seed = new AnalysisSeed(db);
        // Zwolle once more as a second site geocodes it (no municipality: another place row), and its centre district.
        await seed.AdAsync("z2", "Luna Zwolle", "Luna weer in Zwolle, bel snel voor een afspraak.", [DashboardScenario.LunaPhone],
            new GeocodedAddress("Zwolle", new Place(GeoPrecision.Place, null, null, null, "Zwolle", null, false, 52.51, 6.09)), null, 26, 2, ct);
        await seed.AdAsync("z3", "Luna centrum", "Luna in Zwolle-Centrum, alleen vandaag.", [DashboardScenario.LunaPhone],
            new GeocodedAddress("Zwolle-Centrum", new Place(GeoPrecision.Neighbourhood, null, null, null, "Zwolle-Centrum", "GM0193", false, 52.51, 6.09)), null, 27, 1, ct);
        // Hierden lies in the municipality of Harderwijk but is a town of its own: never folded into Harderwijk.
        await seed.AdAsync("t1", "Luna Harderwijk", "Luna in Harderwijk, bel voor een afspraak.", [DashboardScenario.LunaPhone],
            new GeocodedAddress("Harderwijk", new Place(GeoPrecision.Place, null, null, null, "Harderwijk", "GM0243", true, 52.34, 5.62)), null, 28, 1, ct);
        await seed.AdAsync("t2", "Luna Hierden", "Luna in Hierden, bel voor een afspraak.", [DashboardScenario.LunaPhone],
            new GeocodedAddress("Hierden", new Place(GeoPrecision.Place, null, null, null, "Hierden", "GM0243", true, 52.36, 5.66)), null, 29, 1, ct);

        var dossier = (await new DossierQuery(db).GetAsync(s.HouseLocationId, ct)).ShouldNotBeNull();

        dossier.Phones[0].Elsewhere.Select(e => (e.LocationId, e.PlaceLabel, e.Ads)).ShouldBe(
            [((long?)s.ErmeloLocationId, "Stationsstraat 5, 3851 AA Ermelo", 1), (null, "Zwolle", 3), (null, "Harderwijk", 1), (null, "Hierden", 1)]);
    }

    [Fact]
    public async Task UnresolvedLocation_LeadAndDossier_NameOnlyTheTown_AndCarryTheAdsAsEvidence()
    {
        var ct = TestContext.Current.CancellationToken;
        var ads = await UnresolvedSeed.TownOnlyRotationAsync(Database, ct);
        await UnresolvedSeed.Runner(Database).RunAsync(UnresolvedSeed.AsOf, null, ct);
        var (locationId, flagId) = await UnresolvedSeed.FlaggedAsync(Database, ct);

        var lead = (await new LeadQuery(Database).GetAsync(flagId, ct)).ShouldNotBeNull();
        var dossier = (await new DossierQuery(Database).GetAsync(locationId, ct)).ShouldNotBeNull();

        (lead.Precision, lead.AddressUnknown, lead.Label, lead.Place, lead.MunicipalityCode)
            .ShouldBe(("unresolved", true, UnresolvedSeed.Label, "Harderwijk", "GM0243"));
        (lead.Street, lead.HouseNumber, lead.Postcode, lead.Lat, lead.Lon).ShouldBe((null, null, null, null, null));
        lead.Ads.Select(a => a.AdId).ShouldBe(ads, ignoreOrder: true);
        lead.Phones.ShouldContain(UnresolvedSeed.Booking);
        lead.Reasons[0].Text.ShouldBe($"Adres onbekend, Harderwijk: 4 adverteerders delen boekingsnummer {UnresolvedSeed.Booking} en foto's.");
        dossier.IsUnresolved.ShouldBeTrue();
        dossier.Ads.Select(a => a.AdId).ShouldBe(ads, ignoreOrder: true);
        dossier.Joins.ShouldHaveSingleItem().Kind.ShouldBe("unresolved");
    }

    [Fact]
    public async Task GetAsync_ReturnsNoFlag_ForAnUnflaggedLocation_AndNull_ForAnUnknownOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);
        var query = new DossierQuery(Database);

        var ermelo = (await query.GetAsync(s.ErmeloLocationId, ct)).ShouldNotBeNull();

        ermelo.Flag.ShouldBeNull();
        ermelo.Reasons.ShouldBeEmpty();
        ermelo.Reviews.ShouldBeEmpty();
        ermelo.Ads.Select(a => a.AdId).ShouldBe([s.ErmeloAd]);
        ermelo.LinkedLocations.ShouldHaveSingleItem().FlagId.ShouldBe(s.FlagId);
        (await query.GetAsync(987654, ct)).ShouldBeNull();
        (await query.GetByFlagAsync(987654, ct)).ShouldBeNull();
    }

    [Fact]
    public async Task GetAsync_ListsOperators_AndLocationsLinkedThroughThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);
        long puttenLocation;
        string mila;
        await using (var c = await Database.OpenAsync(ct))
        {
            var t = AnalysisSeed.Day0.ToUnixTimeMilliseconds();
            var phoneId = await c.ExecuteScalarAsync<long>("SELECT id FROM phones WHERE e164 = '+31611110002'");
            var op = await c.ExecuteScalarAsync<long>("INSERT INTO operators (phone_id, created_at) VALUES (@phoneId, @t) RETURNING id", new { phoneId, t });
            await c.ExecuteAsync("UPDATE advertisers SET operator_id = @op WHERE id = (SELECT advertiser_id FROM advertiser_ads WHERE ad_id = @ad)",
                new { op, ad = s.HouseAds[1] });
            mila = await c.ExecuteScalarAsync<string>("SELECT a.label FROM advertisers a JOIN advertiser_ads aa ON aa.advertiser_id = a.id WHERE aa.ad_id = @ad",
                new { ad = s.HouseAds[1] }) ?? "";
            var zara = await c.ExecuteScalarAsync<long>(
                "INSERT INTO advertisers (key, label, operator_id, first_seen_at, last_seen_at) VALUES ('zara', 'Zara', @op, @t, @t) RETURNING id", new { op, t });
            var place = await c.ExecuteScalarAsync<long>("""
                INSERT INTO places (key, label, precision, municipality_code, in_region, lat, lon, source, geocoded_at)
                VALUES ('pc6:3881AA:2', 'Dorpsstraat 2, 3881 AA Putten', 'address', 'GM0273', TRUE, 52.26, 5.61, 'gazetteer', @t) RETURNING id
                """, new { t });
            puttenLocation = await c.ExecuteScalarAsync<long>(
                "INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@place, @t, @t) RETURNING id", new { place, t });
            await c.ExecuteAsync("""
                INSERT INTO stays (location_id, advertiser_id, start_at, end_at, ad_count, link_kind, confidence) VALUES (@puttenLocation, @zara, @t, @t, 1, 'address', 1)
                """, new { puttenLocation, zara, t });
        }

        var dossier = (await new DossierQuery(Database).GetAsync(s.HouseLocationId, ct)).ShouldNotBeNull();

        var operatorRow = dossier.Operators.ShouldHaveSingleItem();
        operatorRow.Phone.ShouldBe("+31611110002");
        operatorRow.Advertisers.ShouldBe(new[] { mila, "Zara" }.Order(StringComparer.Ordinal));
        dossier.LinkedLocations.Select(l => (l.LocationId, l.Via)).OrderBy(l => l.LocationId).ShouldBe(
            new[] { (s.ErmeloLocationId, "advertiser"), (puttenLocation, "operator") }.OrderBy(l => l.Item1));
        dossier.Stays.Single(x => x.AdvertiserLabel == mila).OperatorPhone.ShouldBe("+31611110002");
    }

    private static DateTimeOffset Day(int day) => new DateTimeOffset(AnalysisSeed.Day0.UtcDateTime.Date, TimeSpan.Zero).AddDays(day);
}
