using System.Globalization;

namespace AdWatch.Analysis;

/// <summary>Analysis counts in whole UTC days (days since 1970-01-01): stays, gaps and windows are all day arithmetic.</summary>
public static class AnalysisDays
{
    private const long MillisPerDay = 86_400_000;

    public static int FromUnixMilliseconds(long ms) => (int)Math.Floor(ms / (double)MillisPerDay);

    public static int From(DateTimeOffset at) => FromUnixMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>Midnight UTC at the start of the day.</summary>
    public static DateTimeOffset Start(int day) => DateTimeOffset.FromUnixTimeMilliseconds(day * MillisPerDay);

    public static string Format(int day) => Start(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2023-03-01" for one day, "2023-03-01..2023-03-04" for a range.</summary>
    public static string Range(int first, int last) => first == last ? Format(first) : $"{Format(first)}..{Format(last)}";
}
