using AdWatch.Web.Pages;

namespace AdWatch.Tests.Pages;

public sealed class TrendChartTests
{
    private static readonly DateTimeOffset Start = new(2023, 7, 3, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    // small values
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 5)]
    [InlineData(5, 5)]
    [InlineData(6, 10)]
    // larger magnitudes
    [InlineData(11, 20)]
    [InlineData(20, 20)]
    [InlineData(21, 50)]
    [InlineData(99, 100)]
    [InlineData(101, 200)]
    [InlineData(4_900, 5_000)]
    public void NiceCeiling_RoundsUpToOneTwoOrFive(int value, int expected) => TrendChart.NiceCeiling(value).ShouldBe(expected);

    [Fact]
    public void Points_PutZeroOnTheBaseline_AndTheMaximumBelowTheTop()
    {
        var chart = Chart(new int[26] { 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5 });

        var points = chart.Points(chart.Trend.Series["GM0243"]).Split(' ');

        points.Length.ShouldBe(26);
        points[0].ShouldBe($"{TrendChart.Left},{TrendChart.Height - TrendChart.Bottom}");
        points[25].ShouldBe($"{TrendChart.Width - TrendChart.Right},{TrendChart.Top}");
        chart.AxisMax.ShouldBe(5);
        chart.YTicks.ShouldBe([0, 2.5, 5]);
    }

    [Fact]
    public void Points_UseInvariantNumbers_InADutchCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("nl-NL");
        try
        {
            var chart = Chart([.. Enumerable.Range(0, 26).Select(i => i % 3)]);

            chart.Points(chart.Trend.Series["GM0243"]).Split(' ').ShouldAllBe(p => p.Split(',', StringSplitOptions.None).Length == 2);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void LabelledWeeks_AreEveryFourth_WithoutCrowdingTheLast()
    {
        Chart(new int[26]).LabelledWeeks.ShouldBe([0, 4, 8, 12, 16, 20, 24]);
        new TrendChart(new ActivityTrend(Start, 28, new Dictionary<string, int[]>())).LabelledWeeks.ShouldBe([0, 4, 8, 12, 16, 20, 24, 27]);
    }

    [Fact]
    public void WeekStart_StepsBySevenDays() =>
        Chart(new int[26]).Trend.WeekStart(2).ShouldBe(Start.AddDays(14));

    private static TrendChart Chart(int[] harderwijk) =>
        new(new ActivityTrend(Start, harderwijk.Length, new Dictionary<string, int[]> { ["GM0243"] = harderwijk, ["GM0233"] = new int[harderwijk.Length] }));
}
