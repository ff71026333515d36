using AdWatch.Analysis;
using AdWatch.Geocoding;

namespace AdWatch.Tests.Analysis;

/// <summary>
/// Which ads are at the same house: postcode- and street-only writings join the one house they are consistent with, two houses
/// in one postcode stay two, and houses without any address show up as unresolved locations until an analyst records the address.
/// </summary>
public sealed class LocationIdentityTests
{
    private const ulong RoomA = 0x0F0F_0F0F_0F0F_0F0F;
    private const ulong RoomB = 0x3333_CCCC_3333_CCCC;
    private const ulong RoomC = 0x5555_AAAA_5555_AAAA;
    private const ulong RoomD = 0x6969_9696_6969_9696;
    private const string Booking = "+31619999999";

    [Fact]
    public void Run_FlagsAMixedPrecisionHouseOnce_JoiningItsPostcodeAndStreetOnlyAds()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var postcode = t.Postcode("3841AB");
        var street = t.Street("Stationslaan");
        var luna = t.Ad(0, 4, "Luna", "+31611111111", house, RoomA);
        // Bella's address ad on one site, her postcode-only ad on another: one advertiser (one phone), one house.
        var bellaAddress = t.Ad(6, 2, "Bella", "+31622222222", house, RoomB);
        var bellaPostcode = t.Ad(6, 4, "Bella", "+31622222222", postcode);
        // Sofia writes the street without a number; her phone advertised the address two days before.
        t.Ad(10, 2, "Sofia", "+573001111111", house);
        var sofiaStreet = t.Ad(13, 3, null, "+573001111111", street);
        // Ana gives only the postcode, with her own phone, but the room photo Luna posted from the address.
        var ana = t.Ad(5, 3, "Ana", "+5511911111111", postcode, RoomA ^ 0b101);

        var result = t.Run(30);

        var location = result.Locations.ShouldHaveSingleItem();
        location.Place.Id.ShouldBe(house);
        var flag = result.Flagged.ShouldHaveSingleItem().Flag!;
        flag.Advertisers.ShouldBe(4);
        flag.AdIds.ShouldContain(bellaPostcode);
        flag.AdIds.ShouldContain(sofiaStreet);
        flag.AdIds.ShouldContain(ana);
        location.Stays.Single(s => s.AdIds.Contains(ana)).ShouldSatisfyAllConditions(
            s => s.LinkKind.ShouldBe("image"), s => s.Confidence.ShouldBe(0.7));
        location.Stays.Single(s => s.AdIds.Contains(bellaPostcode)).LinkKind.ShouldBe("address"); // with her address ad in one stay
        location.Stays.Single(s => s.AdIds.Contains(luna)).LinkKind.ShouldBe("address");
        location.Joins.Select(j => (j.Kind, j.Joined, j.AdIds.Count)).ShouldBe(
            [("advertiser", true, 1), ("advertiser", true, 1), ("image", true, 1)], ignoreOrder: true);
        location.Joins.Single(j => j.AdIds.Contains(bellaPostcode)).Dutch.ShouldBe(
            "1 advertentie(s) noemden alleen postcode 3841AB Harderwijk; gekoppeld omdat dezelfde adverteerder (Bella) hier binnen 7 dagen adverteerde (zekerheid 0,9).");
        location.Joins.Single(j => j.AdIds.Contains(ana)).English.ShouldBe(
            "1 ad(s) gave only postcode 3841AB Harderwijk; joined because the same photo was used here within 7 days (confidence 0.7).");
        _ = bellaAddress;
    }

    [Fact]
    public void Run_CountsAPostcodeAndNumberWriting_AtTheHouseWithThatPostcodeAndNumber()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "12", "3841AB");
        var written = t.PostcodeAddress("3841AB", "12");
        var other = t.PostcodeAddress("3841AB", "14"); // the neighbour: same PC6, another number
        t.Ad(0, 3, "Luna", "+31611111111", house);
        // Bella and Sofia never write the street and share nothing with Luna: the postcode and number alone name the house.
        var bella = t.Ad(5, 3, "Bella", "+31622222222", written);
        var sofia = t.Ad(10, 3, "Sofia", "+31633333333", written);
        t.Ad(0, 3, "Ana", "+31644444444", other);

        var result = t.Run(20);

        result.Locations.Select(l => l.Place.Id).ShouldBe([house, other], ignoreOrder: true);
        var location = result.Flagged.ShouldHaveSingleItem();
        location.Place.Id.ShouldBe(house);
        location.Flag!.Advertisers.ShouldBe(3);
        location.Stays.Where(s => s.AdIds.Contains(bella) || s.AdIds.Contains(sofia)).ShouldAllBe(s => s.LinkKind == "address" && s.Confidence == 1.0);
        var join = location.Joins.ShouldHaveSingleItem();
        join.ShouldSatisfyAllConditions(
            j => j.Kind.ShouldBe("house"),
            j => j.AdIds.ShouldBe([bella, sofia]),
            j => j.Dutch.ShouldBe("2 advertentie(s) schreven dit huis als postcode en huisnummer 3841AB 12, Harderwijk; samengenomen omdat een postcode met huisnummer één adres is (zekerheid 1)."),
            j => j.English.ShouldBe("2 ad(s) wrote this house as postcode and house number 3841AB 12, Harderwijk; taken together because a postcode with a house number is one address (confidence 1)."));
    }

    [Fact]
    public void Run_KeepsAPostcodeAndNumberWriting_Apart_WhenTwoStreetsClaimIt()
    {
        var t = new Timeline();
        var stationslaan = t.Address("Stationslaan", "12", "3841AB");
        var stationsplein = t.Address("Stationsplein", "12", "3841AB"); // one of the two is a typo; which one is for a human
        var written = t.PostcodeAddress("3841AB", "12");
        t.Ad(0, 3, "Luna", "+31611111111", stationslaan);
        t.Ad(0, 3, "Mila", "+31655555555", stationsplein);
        t.Ad(5, 3, "Bella", "+31622222222", written);

        var result = t.Run(20);

        result.Locations.Select(l => l.Place.Id).ShouldBe([stationslaan, stationsplein, written], ignoreOrder: true);
        result.Locations.ShouldAllBe(l => l.Joins.Count == 0);
    }

    [Fact]
    public void Run_JoinsThroughThePhone_WhenTheAdvertiserDiffers()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var postcode = t.Postcode("3841AB");
        t.Ad(0, 3, "Luna", phones: ["+31611111111"], place: house);
        // The same phone under two names: an operator phone, so two advertisers; the phone still ties the ad to the house.
        t.Ad(0, 3, "Mila", phones: ["+31611111111"], place: house);
        var coarse = t.Ad(2, 3, "Noor", phones: ["+31611111111", "+31633333333"], place: postcode);

        var location = t.Run(10).Locations.ShouldHaveSingleItem();

        location.Place.Id.ShouldBe(house);
        var join = location.Joins.ShouldHaveSingleItem();
        join.AdIds.ShouldBe([coarse]);
        join.Dutch.ShouldContain("gekoppeld omdat telefoon +31611111111 hier binnen 7 dagen adverteerde (zekerheid 0,8)");
    }

    [Fact]
    public void Run_KeepsTwoHousesInOnePostcodeApart_AndFlagsBoth()
    {
        var t = new Timeline();
        var fourteen = t.Address("Stationslaan", "14", "3841AB");
        var sixteen = t.Address("Stationslaan", "16", "3841AB");
        var postcode = t.Postcode("3841AB");
        string[] names = ["Luna", "Bella", "Sofia", "Ana"];
        for (var i = 0; i < names.Length; i++)
        {
            t.Ad(i * 6, 3, names[i], $"+3161111111{i}", fourteen);
            t.Ad(i * 6 + 1, 3, names[i], $"+3161111111{i}", postcode);
            t.Ad(i * 6, 3, names[i] + "2", $"+3162222222{i}", sixteen);
            t.Ad(i * 6 + 1, 3, names[i] + "2", $"+3162222222{i}", postcode);
        }

        var result = t.Run(30);

        result.Locations.Select(l => l.Place.Id).ShouldBe([fourteen, sixteen], ignoreOrder: true);
        result.Flagged.Select(l => l.Place.Id).ShouldBe([fourteen, sixteen], ignoreOrder: true);
        result.Flagged.ShouldAllBe(l => l.Flag!.Advertisers == 4);
    }

    [Fact]
    public void Run_AttachesACoarseAdNowhere_WhenTwoHousesAreCandidates()
    {
        var t = new Timeline();
        var fourteen = t.Address("Stationslaan", "14", "3841AB");
        var sixteen = t.Address("Stationslaan", "16", "3841AB");
        var postcode = t.Postcode("3841AB");
        t.Ad(0, 3, "Luna", "+31611111111", fourteen);
        t.Ad(0, 3, "Luna", "+31611111111", sixteen);
        var coarse = t.Ad(1, 3, "Luna", "+31611111111", postcode);

        var result = t.Run(10);

        result.Locations.Select(l => l.Place.Id).ShouldBe([fourteen, sixteen, postcode], ignoreOrder: true);
        result.Locations.Where(l => l.Place.Id != postcode).ShouldAllBe(l => l.Stays.All(s => !s.AdIds.Contains(coarse)));
        result.Locations.Single(l => l.Place.Id == postcode).Stays.ShouldHaveSingleItem().AdIds.ShouldBe([coarse]);
        var kept = result.Locations.Single(l => l.Place.Id == fourteen).Joins.ShouldHaveSingleItem();
        (kept.Kind, kept.Joined, kept.AdIds.Single()).ShouldBe(("ambiguous", false, coarse));
        kept.Dutch.ShouldBe("1 advertentie(s) noemden alleen postcode 3841AB Harderwijk; niet gekoppeld: 2 huizen komen in aanmerking "
                            + "(Stationslaan 14, 3841AB Harderwijk; Stationslaan 16, 3841AB Harderwijk).");
        result.Locations.Single(l => l.Place.Id == postcode).Joins.ShouldHaveSingleItem().Kind.ShouldBe("ambiguous");
    }

    [Fact]
    public void Run_NeverJoinsAcrossTowns_OrOutsideTheWindow()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var ermelo = t.Street("Stationslaan", "Ermelo", "GM0233");
        var postcode = t.Postcode("3841AB");
        t.Ad(0, 3, "Luna", "+31611111111", house);
        var otherTown = t.Ad(1, 3, "Luna", "+31611111111", ermelo);
        var late = t.Ad(20, 3, "Luna", "+31611111111", postcode);

        var result = t.Run(30);

        result.Locations.Single(l => l.Place.Id == house).Stays.SelectMany(s => s.AdIds).ShouldNotContain(otherTown);
        result.Locations.Single(l => l.Place.Id == house).Stays.SelectMany(s => s.AdIds).ShouldNotContain(late);
        result.Locations.Select(l => l.Place.Id).ShouldBe([house, ermelo, postcode], ignoreOrder: true);
    }

    /// <summary>Four women in Harderwijk ads giving only the town; three carry the operator's booking number, one the room photo.</summary>
    private static (Timeline T, long Town, long[] Ads) TownOnlyRotation()
    {
        var t = new Timeline();
        var town = t.Town("Harderwijk", "GM0243");
        long[] ads =
        [
            t.Ad(0, 4, "Luna", phones: ["+31611111111", Booking], place: town, image: RoomA),
            t.Ad(6, 4, "Bella", phones: ["+31622222222", Booking], place: town, image: RoomB),
            t.Ad(12, 5, "Sofia", phones: [Booking], place: town, image: RoomC),
            t.Ad(20, 3, "Ana", "+5511911111111", town, RoomA ^ 0b11),
        ];
        return (t, town, ads);
    }

    [Fact]
    public void Run_FlagsAnUnresolvedLocation_FromABookingPhoneAndPhotos()
    {
        var (t, _, ads) = TownOnlyRotation();

        var result = t.Run(30);

        var location = result.Flagged.ShouldHaveSingleItem();
        location.Place.Place.Precision.ShouldBe(GeoPrecision.Unresolved);
        location.Place.Key.ShouldBe("unr:GM0243:tel:" + Booking);
        location.Place.Label.ShouldBe("adres onbekend, Harderwijk");
        (location.Place.Place.Street, location.Place.Place.HouseNumber, location.Place.Place.Postcode).ShouldBe((null, null, null));
        location.Place.Id.ShouldBeLessThan(0); // not stored yet: the writer gives it its row
        location.InRegion.ShouldBeTrue();
        var flag = location.Flag!;
        flag.Advertisers.ShouldBe(4);
        flag.AdIds.ShouldBe(ads);
        var first = flag.Reasons[0];
        first.Code.ShouldBe("unresolved");
        first.Dutch.ShouldBe($"Adres onbekend, Harderwijk: 4 adverteerders delen boekingsnummer {Booking} en foto's.");
        first.English.ShouldBe($"Address unknown, Harderwijk: 4 advertisers share booking number {Booking} and photos.");
        location.Stays.Single(s => s.AdIds.Contains(ads[3])).LinkKind.ShouldBe("image");
        location.Stays.Single(s => s.AdIds.Contains(ads[0])).LinkKind.ShouldBe("phone");
        location.Joins.ShouldHaveSingleItem().Kind.ShouldBe("unresolved");
    }

    [Fact]
    public void Run_MakesNoUnresolvedLocation_FromOneAdvertiser_OrAcrossTowns_OrFromStockPhotos()
    {
        var t = new Timeline();
        var harderwijk = t.Town("Harderwijk", "GM0243");
        var ermelo = t.Town("Ermelo", "GM0233");
        // The same woman re-posting with her room photo: one advertiser, no rotation.
        t.Ad(0, 3, "Luna", "+31611111111", harderwijk, RoomA);
        t.Ad(5, 3, "Luna", "+31611111111", harderwijk, RoomA);
        // A booking number in two towns: one ad in each town is not a house.
        t.Ad(0, 3, "Bella", phones: ["+31622222222", Booking], place: harderwijk);
        t.Ad(5, 3, "Sofia", phones: ["+31633333333", Booking], place: ermelo);
        // A stock photo on many ads links nothing.
        for (var i = 0; i < 12; i++)
        {
            t.Ad(i, 2, $"Naam{i}", $"+3164444444{i % 10}{i / 10}", harderwijk, RoomD);
        }

        var result = t.Run(30, new AnalysisOptions { MaxSharedHashAds = 10 });

        result.Locations.ShouldBeEmpty();
    }

    [Fact]
    public void Run_KeepsTheStoredIdentity_WhenTheEvidenceGrows_AndSplitsOffANewOne()
    {
        var (t, town, _) = TownOnlyRotation();
        var first = t.Run(30).Locations.Single().Place;
        var stored = t.Stored(first);
        // New evidence whose key sorts first ("+31600…") joins the same house through Ana's photo.
        t.Ad(24, 3, "Mila", phones: ["+31600000000", "+31688888888"], place: town, image: RoomA);
        t.Ad(26, 3, "Noor", phones: ["+31600000000"], place: town);
        // And an unrelated pair sharing another booking number is a second, new unresolved location.
        t.Ad(1, 3, "Eva", phones: ["+31655555555", "+31677777777"], place: town);
        t.Ad(5, 3, "Iris", phones: ["+31666666666", "+31677777777"], place: town);

        var result = t.Run(30);

        result.Locations.Select(l => l.Place.Key).ShouldBe(["unr:GM0243:tel:+31677777777", "unr:GM0243:tel:" + Booking], ignoreOrder: true);
        result.Locations.Single(l => l.Place.Key.EndsWith(Booking, StringComparison.Ordinal)).Place.Id.ShouldBe(stored);
        result.Locations.Single(l => l.Place.Id == stored).Flag!.Advertisers.ShouldBe(6);
    }

    [Fact]
    public void Run_MovesTheUnresolvedEvidenceToTheRecordedAddress()
    {
        var (t, _, ads) = TownOnlyRotation();
        var unresolved = t.Stored(t.Run(30).Locations.Single().Place);
        var house = t.Address("Stationslaan", "14", "3841AB");
        var own = t.Ad(2, 2, "Vera", "+31644444444", house);
        t.Resolve(unresolved, house);

        var result = t.Run(30);

        var location = result.Locations.ShouldHaveSingleItem();
        location.Place.Id.ShouldBe(house);
        location.Flag!.Advertisers.ShouldBe(5);
        location.Flag.AdIds.ShouldBe([.. ads, own], ignoreOrder: true);
        location.Stays.Where(s => !s.AdIds.Contains(own)).ShouldAllBe(s => s.LinkKind == "resolution" && s.Confidence == 0.9);
        location.Joins.ShouldHaveSingleItem().Dutch.ShouldBe(
            "4 advertenties van adres onbekend, Harderwijk hier samengevoegd: een analist heeft dit adres vastgelegd (zekerheid 0,9).");
        result.Merged.ShouldBe(new Dictionary<long, long> { [unresolved] = house });
    }
}
