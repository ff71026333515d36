using AdWatch.DemoSites.Scenario;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class DemoScenarioTests
{
    private static readonly DateOnly Jan1 = new(2023, 1, 1);

    [Fact]
    public void Generate_IsDeterministic_ForSameSeed()
    {
        var a = DemoScenario.Generate(42, 300, Jan1, 365);
        var b = DemoScenario.Generate(42, 300, Jan1, 365);
        Fingerprint(a).ShouldBe(Fingerprint(b));
        Fingerprint(DemoScenario.Generate(43, 300, Jan1, 365)).ShouldNotBe(Fingerprint(a));
    }

    [Fact]
    public void Generate_MakesTenThousandUniqueAdsWithinTheScenarioStart()
    {
        var scenario = DemoScenario.Generate(7, 10_000, Jan1, 365);
        scenario.Ads.Count.ShouldBe(10_000);
        scenario.Ads.Select(a => a.Id).Distinct().Count().ShouldBe(10_000);
        scenario.Ads.ShouldAllBe(a => a.FirstDay >= Jan1 && a.FirstDay <= scenario.EndDate);
        scenario.Ads.ShouldAllBe(a => scenario.Advertisers.Any(v => v.Id == a.AdvertiserId));
        scenario.FindAd(scenario.Ads[1234].Id).ShouldBeSameAs(scenario.Ads[1234]);
    }

    [Fact]
    public void Generate_ProducesTheVarietyTheDemoNeeds()
    {
        var scenario = DemoScenario.Generate(1, 2_000, Jan1, 120);
        var versions = scenario.Ads.SelectMany(a => a.Versions).ToArray();
        scenario.Ads.ShouldContain(a => a.Versions.Count > 1);                          // ads change
        scenario.Ads.ShouldContain(a => a.Active.Count > 1);                            // ads come back
        scenario.Ads.ShouldContain(a => a.Sites.Count == 2);                            // cross-posted
        scenario.Ads.Select(a => a.Expiry).Distinct().Count().ShouldBe(2);
        versions.ShouldContain(v => v.Location == null);
        versions.ShouldContain(v => v.Location != null && v.Location.StartsWith("regio ", StringComparison.Ordinal));
        versions.ShouldContain(v => v.Location != null && v.Location.Contains(" Harderwijk", StringComparison.Ordinal));
        versions.ShouldContain(v => v.Phone!.StartsWith("https://wa.me/", StringComparison.Ordinal));
        versions.ShouldContain(v => v.Phone!.Contains("𝟔", StringComparison.Ordinal));                     // bold digits
        versions.ShouldAllBe(v => v.ImageIds.Count > 0 && v.PhoneE164!.StartsWith("+316", StringComparison.Ordinal));
        scenario.Listing(DemoSiteKind.Kontaktbord, Jan1.AddDays(60)).ShouldNotBeEmpty();
        scenario.Listing(DemoSiteKind.Nachtlicht, Jan1.AddDays(60)).ShouldNotBeEmpty();
    }

    [Fact]
    public void Generate_ReturnsEmptyScenario_WhenNoAds()
    {
        var scenario = DemoScenario.Generate(1, 0, Jan1, 10);
        scenario.Ads.ShouldBeEmpty();
        scenario.Listing(DemoSiteKind.Kontaktbord, Jan1).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(2, DemoAdStatus.NotYetOnline)]
    [InlineData(4, DemoAdStatus.Online)]
    [InlineData(6, DemoAdStatus.Online)]
    [InlineData(7, DemoAdStatus.Offline)]
    [InlineData(15, DemoAdStatus.Online)]
    [InlineData(17, DemoAdStatus.Offline)]
    public void StatusOn_FollowsActiveRanges(int day, DemoAdStatus expected) =>
        TestScenario.Create().FindAd("a3")!.StatusOn(Day(day)).ShouldBe(expected);

    [Theory]
    [InlineData(1, 0, "Luna nieuw in Harderwijk")]
    [InlineData(2, 0, "Luna nieuw in Harderwijk")]
    [InlineData(3, 1, "Luna laatste dagen")]
    [InlineData(30, 1, "Luna laatste dagen")]
    public void VersionOn_PicksLatestVersionStartedByDate(int day, int index, string title)
    {
        var ad = TestScenario.Create().FindAd("a1")!;
        ad.VersionOn(Day(day)).Title.ShouldBe(title);
        ad.VersionIndexOn(Day(day)).ShouldBe(index);
    }

    [Theory]
    [InlineData("bad id")]
    [InlineData("a/b")]
    [InlineData("")]
    public void DemoAd_Rejects_IdsThatCannotBeUrlSegments(string id) =>
        Should.Throw<ArgumentException>(() => new DemoAd(id, "adv", [DemoSiteKind.Kontaktbord], [new(Day(1), Day(2))],
            TestScenario.Create().Ads[0].Versions, DemoExpiryStyle.Gone));

    [Fact]
    public void Create_Rejects_DuplicateAdIds()
    {
        var ad = TestScenario.Create().Ads[0];
        Should.Throw<ArgumentException>(() => DemoScenario.Create("dup", Start, 10, [], [ad, ad]));
    }

    private static string Fingerprint(DemoScenario scenario) => string.Join('|', scenario.Ads.Select(a =>
        $"{a.Id},{a.AdvertiserId},{string.Join(';', a.Sites)},{string.Join(';', a.Active)},{a.Expiry}," +
        string.Join(';', a.Versions.Select(v => $"{v.EffectiveFrom}/{v.Title}/{v.Body}/{v.Location}/{v.Phone}/{v.Posted}/{string.Join(',', v.ImageIds)}"))));
}
