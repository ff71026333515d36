using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>
/// Which ads are the same person: a woman who changes her number stays one advertiser, an ad with only the operator's booking
/// number is no advertiser, one number written twice is one phone, the site's own wording is never a name, and an ad naming the
/// towns it serves is no tour.
/// </summary>
public sealed class AdvertiserIdentityTests
{
    private const ulong RoomA = 0x0F0F_0F0F_0F0F_0F0F;
    private const ulong RoomB = 0x3333_CCCC_3333_CCCC;
    private const ulong RoomC = 0x5555_AAAA_5555_AAAA;
    private const ulong Template = 0x1234_5678_9ABC_DEF0;
    private const string Booking = "+31619999999";

    // --- phone change --------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("image", "foto's")]
    [InlineData("text", "tekst")]
    public void Run_CountsAPhoneChangeAsOneAdvertiser_AndFlagsNothing_WhenNameAndPhotosOrTextAgreeAndStaysDoNotOverlap(string evidence, string dutch)
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        ulong? image = evidence == "image" ? RoomA : null;
        ulong? text = evidence == "text" ? Template : null;
        var before = t.Ad(0, 5, "Luna", "+31611111111", house, image, text);
        // Her new number from day 10: same name, same photo (a re-encoded copy) or text, never online with the old one.
        var after = t.Ad(10, 5, "Luna", "+31622222222", house, image ^ 0b11, text ^ 0b1);
        t.Ad(20, 5, "Bella", "+31633333333", house, RoomB);

        var result = t.Run(40);

        var luna = result.AdvertiserOf(before).ShouldNotBeNull();
        result.AdvertiserOf(after).ShouldBe(luna);
        luna.PhoneIds.Count.ShouldBe(2);
        luna.Ads.Single(a => a.AdId == after).Kind.ShouldBe("phone-change");
        result.Advertisers.Count.ShouldBe(2);
        result.Flagged.ShouldBeEmpty();
        result.Locations.ShouldHaveSingleItem().Stays.Select(s => s.AdvertiserKey).Distinct().Count().ShouldBe(2);
        var note = luna.Identity.ShouldHaveSingleItem();
        note.Code.ShouldBe("phone-change");
        note.Dutch.ShouldBe($"Zelfde naam (Luna) en {dutch}, ander nummer: +31611111111 en +31622222222 als één adverteerder geteld "
                            + "(oud nummer tot 2023-06-05, nieuw vanaf 2023-06-11, nooit tegelijk actief).");
        note.English.ShouldStartWith("Same name (Luna) and ");
        note.English.ShouldContain(", another number: +31611111111 and +31622222222 counted as one advertiser");
        note.Evidence.Phones.ShouldBe(["+31611111111", "+31622222222"]);
    }

    [Fact]
    public void Run_CountsAPhoneChangeAsOneAdvertiser_WhenACopyWithoutANumberSharesThePhotosOfBoth()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var before = t.Ad(0, 5, "Luna", "+31611111111", house, RoomA);
        var after = t.Ad(10, 5, "Luna", "+31622222222", house, RoomA ^ 0b11);
        // The new ad cross-posted on a site that shows no number: its photo joins it to the old number's ads first, but it shows
        // no number, so its days are not days on which the old number was advertised.
        var copy = t.Ad(10, 5, "Luna", null, null, RoomA);
        t.Ad(20, 5, "Bella", "+31633333333", house, RoomB);

        var result = t.Run(40);

        var luna = result.AdvertiserOf(before).ShouldNotBeNull();
        result.AdvertiserOf(after).ShouldBe(luna);
        result.AdvertiserOf(copy).ShouldBe(luna);
        luna.Identity.ShouldHaveSingleItem().Code.ShouldBe("phone-change");
        result.Advertisers.Count.ShouldBe(2);
    }

    [Fact]
    public void Run_KeepsTwoAdvertisers_WhenTheTwoNumbersAreOnlineOnTheSameDays()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        // Same name and room photo, both numbers online on days 4-6: two women in one room (or an agency's template), not a change.
        var first = t.Ad(0, 7, "Luna", "+31611111111", house, RoomA);
        var second = t.Ad(4, 7, "Luna", "+31622222222", house, RoomA);
        t.Ad(20, 5, "Bella", "+31633333333", house, RoomB);

        var result = t.Run(40);

        result.AdvertiserOf(first).ShouldNotBe(result.AdvertiserOf(second));
        result.Advertisers.ShouldAllBe(a => a.Identity.Count == 0);
        result.Flagged.ShouldHaveSingleItem().Flag!.Advertisers.ShouldBe(3);
    }

    [Fact]
    public void Run_KeepsTwoAdvertisers_WhenTheNamesDiffer_OrOnlyTheNameAgrees()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        // The same room photo under two names, one after the other: a rotation through one room.
        var luna = t.Ad(0, 5, "Luna", "+31611111111", house, RoomA);
        var mila = t.Ad(10, 5, "Mila", "+31622222222", house, RoomA);
        // The same name on two numbers with nothing else in common: too many Lunas to join on a name.
        var bella = t.Ad(20, 5, "Bella", "+31633333333", house, RoomB);
        var otherBella = t.Ad(30, 5, "Bella", "+31644444444", house, RoomC);

        var result = t.Run(40);

        new[] { luna, mila, bella, otherBella }.Select(a => result.AdvertiserOf(a)!.Key).Distinct().Count().ShouldBe(4);
        result.Flagged.ShouldHaveSingleItem().Flag!.Advertisers.ShouldBe(4);
    }

    // --- operator's booking number -------------------------------------------------------------------------------------

    [Fact]
    public void Run_AddsNoAdvertiser_ForAnAdCarryingOnlyTheOperatorsBookingNumber()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        t.Ad(0, 5, "Luna", phones: ["+31611111111", Booking], place: house, image: RoomA);
        t.Ad(8, 5, "Bella", phones: ["+31622222222", Booking], place: house, image: RoomB);
        // "Nieuw meisje, bel voor info": no name, no number of her own, no photo that ties the ad to anyone.
        var bookingOnly = t.Ad(16, 4, phones: [Booking], place: house);

        var result = t.Run(40);

        var operatorOnly = result.AdvertiserOf(bookingOnly).ShouldNotBeNull();
        operatorOnly.OperatorOnly.ShouldBeTrue();
        result.Advertisers.Count(a => !a.OperatorOnly).ShouldBe(2);
        result.Flagged.ShouldBeEmpty();
        // Still evidence at the house: its stay stays visible, marked by its advertiser.
        result.Locations.ShouldHaveSingleItem().Stays.ShouldContain(s => s.AdIds.Contains(bookingOnly));
        operatorOnly.Identity.ShouldHaveSingleItem().Dutch.ShouldBe(
            "Alleen het boekingsnummer +31619999999 van een tussenpersoon, zonder naam, eigen nummer of foto van een adverteerder: telt niet als adverteerder.");
        result.Municipalities.Single(m => m.MunicipalityCode == "GM0243").Advertisers.ShouldBe(2);
    }

    [Fact]
    public void Run_CountsAnAdvertiser_WhenTheBookingNumberAdCarriesAName()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        t.Ad(0, 5, "Luna", phones: ["+31611111111", Booking], place: house, image: RoomA);
        t.Ad(8, 5, "Bella", phones: ["+31622222222", Booking], place: house, image: RoomB);
        var sofia = t.Ad(16, 4, "Sofia", phones: [Booking], place: house);

        var result = t.Run(40);

        result.AdvertiserOf(sofia)!.OperatorOnly.ShouldBeFalse();
        result.Flagged.ShouldHaveSingleItem().Flag!.Advertisers.ShouldBe(3);
    }

    // --- one number written twice --------------------------------------------------------------------------------------

    [Fact]
    public void Run_CountsOneNumberWrittenTwiceInOneAdOnce()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        // "Bel 06 1111 1111 ... WhatsApp: 0611111111": one number, read twice (an import that kept both readings).
        var twice = t.Ad(0, 5, "Luna", phones: ["+31611111111", "+31611111111"], place: house);
        t.Ad(3, 5, "Luna", "+31611111111", house);
        var input = t.Input();
        var phone = t.Phone("+31611111111");

        AdFacts.From(0, input.Ads[0], Timeline.D(40), input).ShouldNotBeNull().Phones.ShouldBe([phone]);
        var result = t.Run(40);
        result.AdvertiserOf(twice).ShouldNotBeNull().PhoneIds.ShouldBe([phone]);
        result.Advertisers.ShouldHaveSingleItem();
        result.Operators.ShouldBeEmpty();
    }

    // --- site wording is no name ---------------------------------------------------------------------------------------

    [Fact]
    public void Run_NeverUsesTheSitesOwnWordingAsAName_WhenItIsOnMoreThanNAdsOfOneSite()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var ermelo = t.Town("Ermelo", "GM0233");
        // Titles "Kontaktbord – …" read as the name "Kontaktbord" on 24 of the site's 30 ads.
        for (var i = 0; i < 22; i++)
        {
            t.Ad(0, 3, "Kontaktbord", $"+316555555{i:00}", ermelo, site: "kontaktbord");
        }
        for (var i = 0; i < 6; i++)
        {
            t.Ad(0, 3, $"Naam{(char)('a' + i)}", $"+316777777{i:00}", ermelo, site: "kontaktbord");
        }
        // Two different women in one room, one after the other; with the site's word as their "name" they would look like one
        // woman who changed her number.
        var ana = t.Ad(0, 5, "Kontaktbord", "+31611111111", house, RoomA, site: "kontaktbord");
        var bella = t.Ad(10, 5, "Kontaktbord", "+31622222222", house, RoomA, site: "kontaktbord");
        t.Ad(20, 5, "Sofia", "+31633333333", house, RoomB, site: "nachtlicht");

        var result = t.Run(40);

        result.AdvertiserOf(ana).ShouldNotBe(result.AdvertiserOf(bella));
        result.Advertisers.ShouldAllBe(a => a.Label != "Kontaktbord");
        result.AdvertiserOf(ana)!.Label.ShouldBe("+31611111111");
        result.AdvertiserOf(ana)!.Identity.ShouldHaveSingleItem().Dutch.ShouldBe(
            "'Kontaktbord' is niet als naam gebruikt: het staat op 24 advertenties van kontaktbord (tekst van de site zelf).");
        result.Flagged.ShouldHaveSingleItem().Flag!.Advertisers.ShouldBe(3);
    }

    [Fact]
    public void Run_KeepsACommonName_WhenItIsOnFewAdsOrOnASmallShareOfTheSite()
    {
        var t = new Timeline();
        var ermelo = t.Town("Ermelo", "GM0233");
        // 20 Lunas on a site: not more than boilerplateNameMaxAds (20), so still a name.
        for (var i = 0; i < 20; i++)
        {
            t.Ad(0, 3, "Luna", $"+316555555{i:00}", ermelo, site: "small");
        }
        // 30 Bellas among 200 ads of a big site: 15 %, under boilerplateNameMinShare (20 %).
        for (var i = 0; i < 200; i++)
        {
            t.Ad(0, 3, i < 30 ? "Bella" : $"N{i:000}x", $"+3167{i:0000000}", ermelo, site: "big");
        }

        var result = t.Run(10);

        result.Advertisers.Count(a => a.Label == "Luna").ShouldBe(20);
        result.Advertisers.Count(a => a.Label == "Bella").ShouldBe(30);
        result.Advertisers.ShouldAllBe(a => a.Identity.Count == 0);
    }

    // --- a service area is no tour -------------------------------------------------------------------------------------

    [Fact]
    public void Run_ListsNoTour_WhenOneAdNamesTheTownsItServesAtOnce()
    {
        var t = new Timeline();
        long[] area = [t.Town("Harderwijk", "GM0243"), t.Town("Ermelo", "GM0233"), t.Town("Putten", "GM0273")];
        // "Escort in Harderwijk, Ermelo en Putten": one ad, one woman, three towns she drives to.
        var escort = t.Ad(0, 20, "Luna", "+31611111111", places: area);

        var result = t.Run(30);

        result.Touring.ShouldBeEmpty();
        result.AdvertiserOf(escort).ShouldNotBeNull();
    }

    [Fact]
    public void Run_ListsNoTour_WhenOneAdNamesThreeTownsForThreeMonths()
    {
        var t = new Timeline();
        long[] area = [t.Town("Harderwijk", "GM0243"), t.Town("Ermelo", "GM0233"), t.Town("Putten", "GM0273")];
        // The case: one escort ad naming the same three towns, kept up and edited for three months.
        var escort = t.Ad(0, 30, "Luna", "+31611111111", places: area);
        t.Change(escort, 30, 30, "Luna", "+31611111111", places: area);
        t.Change(escort, 60, 30, "Luna", "+31611111111", places: area);

        var result = t.Run(95);

        result.Touring.ShouldBeEmpty();
    }

    [Fact]
    public void Run_ListsATour_WhenTheSameTownsAreNamedOneAtATimeOnDifferentDays()
    {
        var t = new Timeline();
        var ad = t.Ad(0, 4, "Luna", "+31611111111", t.Town("Harderwijk", "GM0243"));
        t.Change(ad, 6, 4, "Luna", "+31611111111", t.Town("Ermelo", "GM0233"));
        t.Change(ad, 12, 4, "Luna", "+31611111111", t.Town("Putten", "GM0273"));

        var touring = t.Run(30).Touring.ShouldHaveSingleItem();

        touring.Places.ShouldBe(["Harderwijk", "Ermelo", "Putten"]);
    }
}
