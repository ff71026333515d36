namespace AdWatch.Web.Pages;

/// <summary>
/// Distinct ads observed per week in each municipality: week <c>i</c> covers
/// [<see cref="Start"/> + i·7 d, <see cref="Start"/> + (i+1)·7 d).
/// </summary>
public sealed record ActivityTrend(DateTimeOffset Start, int Weeks, IReadOnlyDictionary<string, int[]> Series)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The highest weekly count of any series (0 when there is no activity).</summary>
    public int Max => Series.Values.SelectMany(s => s).DefaultIfEmpty(0).Max();

    /// <summary>The first day of week <paramref name="index"/>.</summary>
    public DateTimeOffset WeekStart(int index) => Start + Week * index;
}
