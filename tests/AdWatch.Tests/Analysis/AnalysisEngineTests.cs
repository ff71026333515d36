using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>Hand-built timelines for every case the flag rule must get right: what must be flagged and what must not.</summary>
public sealed class AnalysisEngineTests
{
    private const ulong PhotoLuna = 0x1111_1111_1111_1111;
    private const ulong PhotoBella = 0x2222_2222_2222_2222;
    private const ulong PhotoSofia = 0x4444_4444_4444_4444;
    private const ulong PhotoAna = 0x8888_8888_8888_8888;

    /// <summary>Four different women, four days each, one after the other at one house in Harderwijk.</summary>
    private static (Timeline T, long House, long[] Ads) RotationHouse(string postcode = "3841AB", string municipality = "GM0243", string town = "Harderwijk")
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", postcode, town, municipality);
        long[] ads =
        [
            t.Ad(0, 4, "Luna", "+31611111111", house, PhotoLuna),
            t.Ad(6, 4, "Bella", "+31622222222", house, PhotoBella),
            t.Ad(12, 5, "Sofia", "+573001111111", house, PhotoSofia, indicators: ["new-in-town"]),
            t.Ad(20, 3, "Ana", "+5511911111111", house, PhotoAna),
        ];
        return (t, house, ads);
    }

    // --- flagged ----------------------------------------------------------------------------------------------------

    [Fact]
    public void Run_FlagsLocation_WhenThreeAdvertisersHaveShortStaysWithinTheWindow()
    {
        var (t, house, ads) = RotationHouse();

        var result = t.Run(30);

        var flagged = result.Flagged.ShouldHaveSingleItem();
        flagged.Place.Id.ShouldBe(house);
        var flag = flagged.Flag!;
        (flag.Advertisers, flag.ShortStays).ShouldBe((4, 4));
        flag.AdIds.ShouldBe(ads);
        flag.Phones.ShouldBe(["+31611111111", "+31622222222", "+5511911111111", "+573001111111"]);
        flag.Score.ShouldBeInRange(0.3, 1.0);
        var rotation = flag.Reasons.First(r => r.Code == "rotation");
        rotation.Dutch.ShouldBe("4 verschillende adverteerders verbleven hier kort (hooguit 7 dagen) binnen 90 dagen.");
        rotation.English.ShouldBe("4 different advertisers stayed here briefly (at most 7 days) within 90 days.");
        rotation.Evidence.Ads.ShouldBe(ads);
        rotation.Evidence.Dates.ShouldContain("2023-06-01..2023-06-04");
        flag.Reasons.Select(r => r.Code).ShouldBe(["rotation", "short-stays", "turnover", "indicators"]);
        var indicators = flag.Reasons.Single(r => r.Code == "indicators");
        indicators.Evidence.Ads.ShouldBe([ads[2]]);
        // In each language its own words, not the lexicon's code.
        indicators.Dutch.ShouldBe("1 van de 4 advertenties bevatten signalen: nieuw in de stad.");
        indicators.English.ShouldBe("1 of the 4 ads contain indicators: new in town.");
        result.Advertisers.Count.ShouldBe(4);
        flagged.Stays.Select(s => (s.StartDay, s.EndDay, s.LinkKind)).ShouldBe(
            [(Timeline.D(0), Timeline.D(3), "address"), (Timeline.D(6), Timeline.D(9), "address"), (Timeline.D(12), Timeline.D(16), "address"),
             (Timeline.D(20), Timeline.D(22), "address")]);
    }

    [Fact]
    public void Run_ScoresHigher_WhenAdvertisersTourAndShareAnOperator()
    {
        var (plain, _, _) = RotationHouse();
        var (touring, _, _) = RotationHouse();
        var zwolle = touring.Town("Zwolle", "GM0193");
        touring.Ad(25, 2, "Ana", "+5511911111111", zwolle, PhotoAna);
        touring.Ad(9, 3, "Bella", "+31622222222", zwolle, PhotoBella);

        var a = plain.Run(30).Flagged.Single().Flag!;
        var b = touring.Run(30).Flagged.Single().Flag!;

        b.Score.ShouldBeGreaterThan(a.Score);
        var reason = b.Reasons.Single(r => r.Code == "touring");
        reason.Dutch.ShouldBe("2 van de 4 adverteerders werden binnen 14 dagen ook elders gezien (Zwolle).");
        reason.Evidence.Phones.ShouldBe(["+31622222222", "+5511911111111"]);
    }

    [Fact]
    public void Run_NamesEachOtherTownOnce_FoldingADistrictIntoItsListedTown_ButNotAnotherMunicipality()
    {
        // Lelystad written plain by one ad and as "Lelystad-Centrum" by another (of another advertiser, too) is one stop;
        // Bergen op Zoom is not Bergen.
        var (t, _, _) = RotationHouse();
        t.Ad(25, 2, "Ana", "+5511911111111", t.Town("Lelystad", "GM0995"), PhotoAna);
        t.Ad(26, 2, "Ana", "+5511911111111", t.Town("Lelystad Haven", null), PhotoAna); // no known place: no municipality
        t.Ad(8, 2, "Bella", "+31622222222", t.Town("Lelystad-Centrum", "GM0995"), PhotoBella);
        t.Ad(9, 3, "Bella", "+31622222222", t.Town("Bergen", "GM0373"), PhotoBella);
        t.Ad(10, 3, "Bella", "+31622222222", t.Town("Bergen op Zoom", "GM0748"), PhotoBella);

        var reason = t.Run(30).Flagged.Single().Flag!.Reasons.Single(r => r.Code == "touring");

        reason.Dutch.ShouldBe("2 van de 4 adverteerders werden binnen 14 dagen ook elders gezien (Bergen, Bergen op Zoom, Lelystad).");
    }

    [Fact]
    public void Run_KeepsFlagging_WhenTheRotationWindowLiesBeforeTheLast90Days()
    {
        var (t, _, ads) = RotationHouse();

        var flag = t.Run(30 + 240).Flagged.ShouldHaveSingleItem().Flag!;

        (flag.Advertisers, flag.ShortStays).ShouldBe((4, 4));
        flag.AdIds.ShouldBe(ads);
    }

    [Fact]
    public void Run_StopsFlagging_WhenTheLastQualifyingWindowEndedMoreThanFlagActiveDaysAgo()
    {
        // The rotation's last stay ends on day 22: a year later it is history, not a lead (the stored flag row turns inactive
        // with its review status; AnalysisWriter keeps it).
        var (t, _, _) = RotationHouse();

        t.Run(22 + 365).Flagged.ShouldHaveSingleItem();
        t.Run(22 + 366).Flagged.ShouldBeEmpty();
        t.Run(22 + 91, new AnalysisOptions { FlagActiveDays = 90 }).Flagged.ShouldBeEmpty();
    }

    [Fact]
    public void Run_DoesNotFlag_WhenNo90DayWindowHoldsThreeAdvertisers()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB", "Harderwijk", "GM0243");
        t.Ad(0, 4, "Luna", "+31611111111", house, PhotoLuna);
        t.Ad(60, 4, "Bella", "+31622222222", house, PhotoBella);
        t.Ad(120, 4, "Sofia", "+573001111111", house, PhotoSofia);

        t.Run(200).Flagged.ShouldBeEmpty();
    }

    // --- not flagged --------------------------------------------------------------------------------------------------

    [Fact]
    public void Run_ShowsButNeverFlags_WhenLocationIsALicensedVenue()
    {
        var (t, house, _) = RotationHouse();
        var venues = LicensedVenueList.Parse(new StringReader("""
            name,street,houseNumber,postcode,place,permit,validUntil
            Club Vuurtoren (fictief),Stationslaan,14,3841 AB,Harderwijk,HW-2023-001,2024-12-31
            """), "licensed-venues.csv");

        var result = t.Run(30, venues: venues);

        result.Flagged.ShouldBeEmpty();
        var location = result.Locations.Single(l => l.Place.Id == house);
        location.LicensedVenue.ShouldBe("Club Vuurtoren (fictief)");
        location.Flag.ShouldBeNull();
    }

    [Fact]
    public void Run_Flags_WhenTheVenuePermitHasExpired()
    {
        var (t, _, _) = RotationHouse();
        var venues = LicensedVenueList.Parse(new StringReader("""
            name,street,houseNumber,postcode,place,permit,validUntil
            Club Vuurtoren (fictief),Stationslaan,14,3841AB,Harderwijk,HW-2020-001,2022-12-31
            """), "licensed-venues.csv");

        t.Run(30, venues: venues).Flagged.ShouldHaveSingleItem().LicensedVenue.ShouldBeNull();
    }

    [Fact]
    public void Run_DoesNotFlag_WhenOneAdvertiserStaysLong()
    {
        var t = new Timeline();
        var house = t.Address("Vijhestraat", "3", "3842AA");
        t.Ad(0, 60, "Luna", "+31611111111", house, PhotoLuna);

        var result = t.Run(70);

        result.Flagged.ShouldBeEmpty();
        result.Locations.Single().Stays.ShouldHaveSingleItem().LengthDays.ShouldBe(60);
        result.Locations.Single().Flag.ShouldBeNull();
    }

    [Fact]
    public void Run_DoesNotFlag_WhenOneAdvertiserReturnsRepeatedly()
    {
        var t = new Timeline();
        var house = t.Address("Vijhestraat", "3", "3842AA");
        foreach (var start in new[] { 0, 10, 20, 30, 40 })
        {
            t.Ad(start, 3, start % 20 == 0 ? "Luna" : null, "+31611111111", house, PhotoLuna);
        }

        var result = t.Run(50);

        result.Flagged.ShouldBeEmpty();
        var location = result.Locations.Single();
        location.Stays.Count.ShouldBe(5);
        location.Stays.Select(s => s.AdvertiserKey).Distinct().ShouldHaveSingleItem();
        location.Flag.ShouldNotBeNull().Advertisers.ShouldBe(1);
    }

    [Fact]
    public void Run_DoesNotFlag_WhenTheRotationHouseIsOutsideTheRegion()
    {
        var (t, _, _) = RotationHouse("7311AA", "GM0200", "Apeldoorn");

        var result = t.Run(30);

        result.Flagged.ShouldBeEmpty();
        result.Locations.ShouldHaveSingleItem().InRegion.ShouldBeFalse();
    }

    [Fact]
    public void Run_FeedsStatisticsOnly_WhenAdsNameJustATown()
    {
        var t = new Timeline();
        var harderwijk = t.Town("Harderwijk", "GM0243");
        for (var i = 0; i < 8; i++)
        {
            t.Ad(i * 3, 3, $"Naam{(char)('a' + i)}", $"+3161234567{i}", harderwijk, 0x0101_0101_0101_0101UL << i);
        }

        var result = t.Run(30);

        result.Locations.ShouldBeEmpty();
        result.Flagged.ShouldBeEmpty();
        var stat = result.Municipalities.ShouldHaveSingleItem();
        (stat.MunicipalityCode, stat.InRegion, stat.Ads, stat.Advertisers, stat.PlaceLevelAds).ShouldBe(("GM0243", true, 8, 8, 8));
    }

    // --- stays --------------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(new[] { 0, 1, 4 }, 2, 1)] // two missing days are tolerated
    [InlineData(new[] { 0, 1, 5 }, 2, 2)] // three are not
    [InlineData(new[] { 0, 1, 4 }, 1, 2)]
    [InlineData(new[] { 0, 2 }, 0, 2)]
    [InlineData(new[] { 0, 1 }, 0, 1)]
    public void Run_CutsStays_ByGapTolerance(int[] days, int tolerance, int expectedStays)
    {
        var t = new Timeline();
        var house = t.Address("Vijhestraat", "3", "3842AA");
        foreach (var day in days)
        {
            t.Ad(day, 1, "Luna", "+31611111111", house);
        }

        var result = t.Run(10, new AnalysisOptions { GapToleranceDays = tolerance });

        result.Locations.Single().Stays.Count.ShouldBe(expectedStays);
    }

    [Fact]
    public void Run_KeepsOnlyTheAddress_WhenAnAdGivesAddressAndPostcode()
    {
        var t = new Timeline();
        var address = t.Address("Vijhestraat", "3", "3842AA");
        var postcode = t.Postcode("3842AA");
        t.Ad(0, 3, "Luna", "+31611111111", places: [address, postcode]);

        t.Run(5).Locations.ShouldHaveSingleItem().Place.Id.ShouldBe(address);
    }

    [Fact]
    public void Run_IsDeterministic_WhateverTheInputOrder()
    {
        var (t, _, _) = RotationHouse();
        var input = t.Input();
        var shuffled = input with { Ads = [.. input.Ads.Reverse()] };
        var engine = new AnalysisEngine(new AnalysisOptions(), AdWatch.Extraction.RegionOptions.VeluweWest, LicensedVenueList.Empty);

        var a = engine.Run(input, Timeline.At(30));
        var b = engine.Run(shuffled, Timeline.At(30));

        AnalysisSnapshot.Of(b).ShouldBe(AnalysisSnapshot.Of(a));
    }
}
