using System.Globalization;

namespace AdWatch.Web.Pages;

/// <summary>
/// Geometry of the server-rendered SVG line chart (no chart library, no script): a fixed view box the CSS scales,
/// a y axis from 0 to a rounded maximum, one polyline per series.
/// </summary>
public sealed class TrendChart(ActivityTrend trend)
{
    public const int Width = 720;
    public const int Height = 260;
    public const int Left = 44;
    public const int Right = 12;
    public const int Top = 12;
    public const int Bottom = 34;

    /// <summary>The top of the y axis: the maximum rounded up to a "nice" number (at least 1).</summary>
    public int AxisMax { get; } = NiceCeiling(trend.Max);

    public ActivityTrend Trend => trend;

    public static int NiceCeiling(int value)
    {
        if (value <= 1)
        {
            return 1;
        }
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 2, 5, 10 })
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    public double X(int week) => Left + (trend.Weeks <= 1 ? 0 : week * (double)(Width - Left - Right) / (trend.Weeks - 1));

    public double Y(double value) => Top + (1 - value / AxisMax) * (Height - Top - Bottom);

    /// <summary>The SVG <c>points</c> attribute of a series.</summary>
    public string Points(IReadOnlyList<int> values) =>
        string.Join(' ', values.Select((v, i) => F(X(i)) + "," + F(Y(v))));

    /// <summary>Values for the y-axis ticks: 0, half and the top.</summary>
    public IReadOnlyList<double> YTicks => AxisMax == 1 ? [0, 1] : [0, AxisMax / 2.0, AxisMax];

    /// <summary>Week indexes that get a date label: every fourth week, and the last unless it would touch the one before.</summary>
    public IEnumerable<int> LabelledWeeks => Enumerable.Range(0, trend.Weeks)
        .Where(w => w % 4 == 0 || (w == trend.Weeks - 1 && w % 4 >= 3));

    /// <summary>Invariant number formatting for SVG attributes (a Dutch UI must not write "12,5").</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
