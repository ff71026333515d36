using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.IntegrationTests.Dossiers;
using AdWatch.Web.Pages.Phones;

namespace AdWatch.IntegrationTests.Phones;

public abstract class PhoneLookupSuite : ScenarioSuite
{
    [Theory]
    [InlineData("06-11 11 00 01")]
    [InlineData("+31 6 1111 0001")]
    [InlineData("0031611110001")]
    [InlineData("(06) 111 100 01")]
    public async Task LookupAsync_FindsEveryAdAndPlace_WhateverTheSpelling(string query)
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);

        var result = await new PhoneLookup(Database, new PhoneExtractor()).LookupAsync(query, AccessScope.Everything, ct);

        (result.E164, result.Known, result.Status, result.Query).ShouldBe((DashboardScenario.LunaPhone, true, "ok", query));
        result.Ads.Select(a => a.AdId).ShouldBe([s.HouseAds[0], s.ErmeloAd, result.Ads[2].AdId]);
        result.Ads.Select(a => a.PlaceLabel).ShouldBe(["Stationslaan 14, 3841 AB Harderwijk", "Stationsstraat 5, 3851 AA Ermelo", "Zwolle"]);
        result.Ads[0].AdvertiserLabel.ShouldBe("Luna");
        result.Places.Select(p => (p.Label, p.LocationId, p.FlagStatus, p.Ads)).ShouldBe(
        [
            ("Stationslaan 14, 3841 AB Harderwijk", (long?)s.HouseLocationId, "new", 1),
            ("Stationsstraat 5, 3851 AA Ermelo", s.ErmeloLocationId, null, 1),
            ("Zwolle", null, null, 1),
        ]);
        result.Spellings.ShouldBe([DashboardScenario.LunaPhone]);
    }

    [Theory]
    [InlineData("hallo", null, false)]
    [InlineData("", null, false)]
    [InlineData("06-12 34 56 78", "+31612345678", false)]
    public async Task LookupAsync_ReturnsNothing_WhenNotANumberOrNeverSeen(string query, string? e164, bool known)
    {
        var ct = TestContext.Current.CancellationToken;
        await DashboardScenario.SeedAsync(Database, ct);

        var result = await new PhoneLookup(Database, new PhoneExtractor()).LookupAsync(query, AccessScope.Everything, ct);

        (result.E164, result.Known, result.Ads.Count, result.Places.Count).ShouldBe((e164, known, 0, 0));
    }
}
