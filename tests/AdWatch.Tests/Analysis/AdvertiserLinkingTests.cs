using AdWatch.Analysis;

namespace AdWatch.Tests.Analysis;

/// <summary>Linking ads into advertisers: where earlier systems merge too much (operator phones, shared photos) or too little.</summary>
public sealed class AdvertiserLinkingTests
{
    private const ulong PhotoLuna = 0x1111_1111_1111_1111;
    private const ulong PhotoBella = 0x2222_2222_2222_2222;
    private const ulong PhotoSofia = 0x4444_4444_4444_4444;
    private const ulong TemplateText = 0x0F0F_3C3C_5A5A_A5A5;

    [Fact]
    public void Run_LinksAds_WhenTheyShareAPhone()
    {
        var t = new Timeline();
        var a = t.Ad(0, 3, "Luna", "+31611111111");
        var b = t.Ad(10, 3, null, "+31611111111");

        var result = t.Run(20);

        var advertiser = result.Advertisers.ShouldHaveSingleItem();
        advertiser.Ads.Select(l => (l.AdId, l.Kind)).ShouldBe([(a, "phone"), (b, "phone")]);
        (advertiser.Label, advertiser.Key).ShouldBe(("Luna", $"a{a}"));
    }

    [Fact]
    public void Run_KeepsAdvertisersApart_WhenEachHasOwnPhoneBesidesABookingNumberAndTheySharePhotosOfTheRoom()
    {
        // The house's booking number and the same interior photo on every ad; each worker also gives her own number.
        const ulong room = 0x0F0F_F0F0_1234_5678;
        var t = new Timeline();
        var house = t.Address("Proefweg", "7", "3843EB");
        var first = t.Ad(0, 4, name: null, place: house, image: room, phones: ["+31611111111", "+31645550199"]);
        var second = t.Ad(6, 4, "Bella", place: house, image: room, phones: ["+31622222222", "+31645550199"]);
        var third = t.Ad(12, 4, name: null, place: house, image: room, phones: ["+573001111111", "+31645550199"]);
        var elsewhere = t.Ad(20, 3, name: null, phone: "+31611111111");

        var result = t.Run(30);

        result.Advertisers.Select(a => a.Ads.Select(l => l.AdId).ToArray()).ShouldBe([[first, elsewhere], [second], [third]]);
        result.Operators.ShouldHaveSingleItem().E164.ShouldBe("+31645550199");
        result.Flagged.ShouldHaveSingleItem().Flag!.Advertisers.ShouldBe(3);
    }

    [Fact]
    public void Run_KeepsAdvertisersApartJoinedByAnOperator_WhenOnePhoneHasDifferentNamesAndPhotos()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var luna = t.Ad(0, 4, "Luna", "+31699999999", house, PhotoLuna);
        var luna2 = t.Ad(1, 2, "Luna", "+31699999999", image: PhotoLuna);
        var bella = t.Ad(6, 4, "Bella", "+31699999999", house, PhotoBella);
        var sofia = t.Ad(12, 4, "Sofia", "+31699999999", house, PhotoSofia);

        var result = t.Run(20);

        result.Advertisers.Select(a => a.Ads.Select(l => l.AdId).ToArray()).ShouldBe([[luna, luna2], [bella], [sofia]]);
        var op = result.Operators.ShouldHaveSingleItem();
        op.E164.ShouldBe("+31699999999");
        op.AdvertiserKeys.ShouldBe([$"a{luna}", $"a{bella}", $"a{sofia}"]);
        result.Advertisers.ShouldAllBe(a => a.OperatorPhoneId == op.PhoneId);
        var flag = result.Flagged.ShouldHaveSingleItem().Flag!;
        flag.Advertisers.ShouldBe(3);
        var reason = flag.Reasons.Single(r => r.Code == "operator");
        reason.Dutch.ShouldStartWith("Telefoonnummer +31699999999 staat achter 3 verschillende adverteerders");
        reason.Evidence.Phones.ShouldBe(["+31699999999"]);
    }

    [Fact]
    public void Run_MergesIntoOneAdvertiser_WhenOnePhoneHasDifferentNamesButTheSamePhoto()
    {
        var t = new Timeline();
        t.Ad(0, 4, "Luna", "+31699999999", image: PhotoLuna);
        t.Ad(6, 4, "Lunita", "+31699999999", image: PhotoLuna ^ 0b101); // renamed, photo re-encoded

        var result = t.Run(20);

        result.Advertisers.ShouldHaveSingleItem();
        result.Operators.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("bad")]
    [InlineData("generic")]
    public void Run_DropsPhoneLinks_WhenThePhoneIsMarked(string status)
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        // The site's own service number was misread as the advertiser's phone in every ad.
        t.Ad(0, 4, "Luna", phones: ["+31850000000", "+31611111111"], place: house, image: PhotoLuna);
        t.Ad(6, 4, "Bella", phones: ["+31850000000", "+31622222222"], place: house, image: PhotoBella);
        t.Ad(12, 4, null, phones: ["+31850000000"], place: house);
        var before = t.Run(20);

        t.SetPhoneStatus("+31850000000", status);
        var after = t.Run(20);

        before.Operators.ShouldHaveSingleItem().E164.ShouldBe("+31850000000");
        after.Operators.ShouldBeEmpty();
        after.Advertisers.Count.ShouldBe(3);
        after.Advertisers.ShouldAllBe(a => a.Ads.Count == 1 && a.Ads[0].Kind == "self");
        after.Advertisers.SelectMany(a => a.PhoneIds).ShouldNotContain(before.Operators[0].PhoneId);
    }

    [Fact]
    public void Run_LinksByPhoto_WhenOneSideHasNoPhone()
    {
        var t = new Timeline();
        var a = t.Ad(0, 3, "Luna", "+31611111111", image: PhotoLuna);
        var b = t.Ad(5, 3, null, null, image: PhotoLuna ^ 0b11);

        var advertiser = t.Run(10).Advertisers.ShouldHaveSingleItem();

        advertiser.Ads.Single(l => l.AdId == b).Kind.ShouldBe("image");
        advertiser.Ads.Single(l => l.AdId == b).Confidence.ShouldBe(0.8);
        advertiser.Key.ShouldBe($"a{a}");
    }

    [Fact]
    public void Run_DoesNotMergeByPhotoOrTemplate_WhenPhonesDiffer()
    {
        var t = new Timeline();
        // Same room photographed, same agency template, two different women with their own phones.
        t.Ad(0, 3, "Luna", "+31611111111", image: PhotoLuna, text: TemplateText);
        t.Ad(5, 3, "Bella", "+31622222222", image: PhotoLuna, text: TemplateText ^ 1);

        t.Run(10).Advertisers.Count.ShouldBe(2);
    }

    [Fact]
    public void Run_DoesNotMergeByTemplate_WhenNamesDiffer()
    {
        var t = new Timeline();
        t.Ad(0, 3, "Luna", null, text: TemplateText);
        t.Ad(5, 3, "Bella", null, text: TemplateText);
        t.Ad(8, 3, "Luna", null, text: TemplateText ^ 0b110);

        var result = t.Run(15);

        result.Advertisers.Select(a => a.Label).Order().ShouldBe(["Bella", "Luna"]);
        result.Advertisers.Single(a => a.Label == "Luna").Ads.Count.ShouldBe(2);
    }

    [Fact]
    public void Run_LinksByName_WhenTheSameNameRepostsBackToBackAtTheSameAddress()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        // No phone, new photo and text every time: only the name and the address tie these together.
        var a = t.Ad(0, 2, "Luna", null, house, PhotoLuna);
        var b = t.Ad(3, 2, "Luna", null, house, PhotoBella);
        var c = t.Ad(6, 2, "Luna", null, house, PhotoSofia);
        var later = t.Ad(30, 2, "Luna", null, house, 0x0F0F_0F0F_0F0F_0F0F); // weeks later: another Luna, maybe
        var elsewhere = t.Ad(8, 2, "Luna", null, t.Address("Kerkstraat", "1", "3851AA", "Ermelo", "GM0233"), 0x3333_3333_3333_3333);

        var result = t.Run(40);

        result.AdvertiserOf(a)!.Ads.Select(l => (l.AdId, l.Kind)).ShouldBe([(a, "name"), (b, "name"), (c, "name")]);
        result.AdvertiserOf(later)!.Key.ShouldBe($"a{later}");
        result.AdvertiserOf(elsewhere)!.Key.ShouldBe($"a{elsewhere}");
        result.Flagged.ShouldBeEmpty();
    }

    [Fact]
    public void Run_DoesNotLinkByName_WhenPhonesDiffer()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        t.Ad(0, 2, "Luna", "+31611111111", house);
        t.Ad(3, 2, "Luna", "+31622222222", house);

        t.Run(10).Advertisers.Count.ShouldBe(2);
    }

    [Fact]
    public void Run_IgnoresStockPhotos_WhenAHashIsOnTooManyAds()
    {
        var t = new Timeline();
        for (var i = 0; i < 5; i++)
        {
            t.Ad(i, 2, null, null, image: 0x7777_0000_7777_0000); // the site's placeholder picture
        }

        t.Run(10, new AnalysisOptions { MaxSharedHashAds = 4 }).Advertisers.Count.ShouldBe(5);
        t.Run(10, new AnalysisOptions { MaxSharedHashAds = 5 }).Advertisers.Count.ShouldBe(1);
    }

    // --- ads without an address ----------------------------------------------------------------------------------------

    [Fact]
    public void Run_AttachesAdWithoutAddress_ThroughTheSamePhone()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        t.Ad(0, 3, "Luna", "+31611111111", house);
        var bare = t.Ad(3, 2, null, "+31611111111");

        var stay = t.Run(10).Locations.Single().Stays.ShouldHaveSingleItem();

        (stay.StartDay, stay.EndDay, stay.LinkKind).ShouldBe((Timeline.D(0), Timeline.D(4), "address"));
        stay.AdIds.ShouldContain(bare);
    }

    [Fact]
    public void Run_AttachesAdWithoutAddress_ThroughTheSameInteriorPhotoOrTemplate()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        t.Ad(0, 3, "Luna", "+31611111111", house, image: PhotoSofia, text: TemplateText);
        t.Ad(20, 3, "Bella", "+31622222222", image: PhotoSofia);
        t.Ad(40, 3, "Ana", "+31633333333", text: TemplateText ^ 0b1);

        var stays = t.Run(50).Locations.Single().Stays;

        stays.Select(s => (s.StartDay, s.LinkKind, s.Confidence)).ShouldBe(
            [(Timeline.D(0), "address", 1.0), (Timeline.D(20), "image", 0.7), (Timeline.D(40), "template", 0.6)]);
    }

    [Fact]
    public void Run_DoesNotAttach_WhenThePhoneUsedTwoAddresses()
    {
        var t = new Timeline();
        var one = t.Address("Stationslaan", "14", "3841AB");
        var two = t.Address("Vijhestraat", "3", "3842AA");
        t.Ad(0, 3, null, "+31611111111", one);
        t.Ad(2, 3, null, "+31611111111", two);
        var bare = t.Ad(3, 2, null, "+31611111111");

        t.Run(10).Locations.SelectMany(l => l.Stays).SelectMany(s => s.AdIds).ShouldNotContain(bare);
    }

    [Fact]
    public void Run_DoesNotAttach_WhenTheAdNamesAnotherTown()
    {
        var t = new Timeline();
        var house = t.Address("Stationslaan", "14", "3841AB");
        var ermelo = t.Town("Ermelo", "GM0233");
        t.Ad(0, 3, null, "+31611111111", house);
        var elsewhere = t.Ad(3, 2, null, "+31611111111", ermelo);

        t.Run(10).Locations.Single().Stays.SelectMany(s => s.AdIds).ShouldNotContain(elsewhere);
    }

    // --- touring -------------------------------------------------------------------------------------------------------

    [Fact]
    public void Run_ListsTouringAdvertiser_WhenSeenInThreeTownsWithinThirtyDaysOneInTheRegion()
    {
        var t = new Timeline();
        var ad = t.Ad(0, 3, "Luna", "+31611111111", t.Town("Zwolle", "GM0193"));
        t.Change(ad, 10, 3, "Luna", "+31611111111", t.Town("Harderwijk", "GM0243"));
        t.Change(ad, 25, 3, "Luna", "+31611111111", t.Town("Amersfoort", "GM0307"));
        t.Ad(60, 2, "Bella", "+31622222222", t.Town("Apeldoorn", "GM0200"));

        var touring = t.Run(40).Touring.ShouldHaveSingleItem();

        touring.Label.ShouldBe("Luna");
        touring.Phones.ShouldBe(["+31611111111"]);
        touring.Places.ShouldBe(["Zwolle", "Harderwijk", "Amersfoort"]);
    }

    [Fact]
    public void Run_ListsNoTouringAdvertiser_WhenTownsAreFarApartOrAllOutsideTheRegion()
    {
        var t = new Timeline();
        var luna = t.Ad(0, 3, "Luna", "+31611111111", t.Town("Zwolle", "GM0193"));
        t.Change(luna, 20, 3, "Luna", "+31611111111", t.Town("Harderwijk", "GM0243"));
        t.Change(luna, 60, 3, "Luna", "+31611111111", t.Town("Amersfoort", "GM0307"));
        var bella = t.Ad(0, 3, "Bella", "+31622222222", t.Town("Zwolle", "GM0193"));
        t.Change(bella, 5, 3, "Bella", "+31622222222", t.Town("Apeldoorn", "GM0200"));
        t.Change(bella, 10, 3, "Bella", "+31622222222", t.Town("Amersfoort", "GM0307"));

        t.Run(70).Touring.ShouldBeEmpty();
    }
}
