using AdWatch.Review;
using AdWatch.Web.Dossier;
using AdWatch.Web.Maps;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The dossier's timeline and basemap geometry.</summary>
public sealed class StayTimelineTests
{
    private static readonly DateTimeOffset May1 = new(2023, 5, 1, 0, 0, 0, TimeSpan.Zero);

    private static DossierStay Stay(long advertiser, int from, int to) =>
        new(advertiser, "A" + advertiser, null, May1.AddDays(from), May1.AddDays(to), 2, "address", 1);

    [Fact]
    public void Timeline_HasOneRowPerAdvertiser_AndBarsProportionalToDays()
    {
        var t = new StayTimeline([Stay(1, 0, 3), Stay(2, 6, 9), Stay(1, 40, 41)]);

        t.Days.ShouldBe(42);
        t.Rows.Select(r => r.Label).ShouldBe(["A1", "A2"]);
        t.Bars.Count.ShouldBe(3);
        t.Bars[0].X.ShouldBe(StayTimeline.LabelWidth);
        (t.Bars[2].Y).ShouldBe(t.Bars[0].Y, "same advertiser, same row");
        t.Bars[1].W.ShouldBe(t.Bars[0].W, 0.2);
        t.Bars[2].X.ShouldBeGreaterThan(t.Bars[1].X + t.Bars[1].W);
        t.Ticks.Select(x => x.Day.Month).ShouldBe([5, 6]);
    }

    [Fact]
    public void Timeline_IsEmpty_WithoutStays()
    {
        var t = new StayTimeline([]);

        (t.Bars.Count, t.Rows.Count, t.Days).ShouldBe((0, 0, 0));
    }

    [Fact]
    public void StreetTiles_CoverThePoint_OrAreAbsentWithoutATileUrl()
    {
        var tiles = StreetTiles.Around("https://tiles.test/{z}/{x}/{y}.png", 52.349, 5.622).ShouldNotBeNull();

        tiles.Tiles.Count.ShouldBe(9);
        tiles.Tiles[4].Url.ShouldBe("https://tiles.test/16/33791/21543.png");
        tiles.PointX.ShouldBeInRange(256, 512);
        tiles.PointY.ShouldBeInRange(256, 512);
        StreetTiles.Around(null, 52.349, 5.622).ShouldBeNull();
        StreetTiles.Around("https://tiles.test/{z}/{x}/{y}.png", null, 5.6).ShouldBeNull();
    }
}
