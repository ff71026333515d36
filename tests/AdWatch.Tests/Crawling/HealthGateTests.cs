using AdWatch.Evidence;
using AdWatch.Crawling;
using AdWatch.Tests.Sites;

namespace AdWatch.Tests.Crawling;

public sealed class HealthGateTests
{
    private static readonly AdFields Full = new("t", "body", "Ermelo", "0612345678", "2023-03-01", ["http://x/1.png"]);
    private static readonly AdFields Empty = new(null, null, null, null, null, []);

    private static CrawlRunStats Stats(long ads, Dictionary<string, long>? errors = null) =>
        new() { Requests = ads + 1, AdsUnchanged = ads, ErrorsByKind = errors ?? [] };

    [Fact]
    public void Check_Passes_WhenCountNearMedianAndFieldsFilled() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(40), [42, 38, 41], [.. Enumerable.Repeat(Full, 40)], false).ShouldBeNull();

    [Fact]
    public void Check_Suspect_WhenCountBelowShareOfMedian() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(15), [42, 38, 41], [.. Enumerable.Repeat(Full, 15)], false)!.ShouldContain("median");

    [Fact]
    public void Check_Passes_WhenMostAdsSeenFromTheirUnchangedCards()
    {
        // A quiet revisit: two listing pages and two new ads fetched, 38 ads sighted on the listing.
        var quiet = new CrawlRunStats { Requests = 4, ListingPages = 2, AdsNew = 2, AdsSighted = 38 };
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), quiet, [42, 38, 41], [Full, Full], false).ShouldBeNull();
    }

    [Fact]
    public void Check_Suspect_WhenOnlyTheFetchedAdsAreCounted()
    {
        var fetchedOnly = new CrawlRunStats { Requests = 4, ListingPages = 2, AdsNew = 2 };
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), fetchedOnly, [42, 38, 41], [Full, Full], false)!.ShouldContain("median");
    }

    [Fact]
    public void Check_Suspect_WhenBlockedDetectorHit() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(40, new() { ["blocked"] = 1 }), [40], [.. Enumerable.Repeat(Full, 40)], false)!.ShouldContain("blocked");

    [Fact]
    public void Check_Suspect_WhenFieldCoverageCollapses() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(40), [40], [.. Enumerable.Repeat(Empty, 39), Full], false)!.ShouldContain("coverage");

    [Fact]
    public void Check_Suspect_WhenNoAdsAndListingNotDeclaredEmpty() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [], [], false)!.ShouldContain("no ads");

    [Fact]
    public void Check_Passes_WhenNoAdsButListingDeclaredEmpty_AndNoHistory() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [], [], true).ShouldBeNull();

    // --- a small site (median of a few ads) -----------------------------------------------------------------------------

    [Fact]
    public void Check_Passes_WhenASmallSiteShowsNoAdsInOneRun() =>
        // The small JavaScript demo site: one ad most days, none on some; newest run first.
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [1, 1, 0, 1, 1, 0, 1], [], false).ShouldBeNull();

    [Fact]
    public void Check_Passes_WhenASmallSiteShowsNoAdsInTwoRunsInARow() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [0, 1, 2, 1, 1], [], false).ShouldBeNull();

    [Fact]
    public void Check_Suspect_WhenASmallSiteIsEmptyThreeRunsInARow() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [0, 0, 1, 1, 1], [], false)!.ShouldContain("3 runs in a row");

    [Fact]
    public void Check_Suspect_WhenANewSiteHasTooLittleHistoryToBeCalledSmall() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [1, 1], [], false)!.ShouldContain("no ads");

    [Fact]
    public void Check_Suspect_WhenABigSiteDropsToNoAds() =>
        HealthGate.Check(SiteDefinitionGoldenTests.Site("kontaktbord"), Stats(0), [42, 38, 41], [], false)!.ShouldContain("median");
}
