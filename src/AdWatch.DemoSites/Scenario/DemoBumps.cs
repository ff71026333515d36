using System.Text;

namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// Paid "bumps" (re-dating) on Lantaarn: on about one day in three an online ad is pushed to the top of the list at some hour,
/// without any change to the ad. A pure function of the ad id and the day, so the order differs day to day but is the same on
/// every run. Lantaarn's listings are ordered by <see cref="BumpedAt"/>, not by the posted date.
/// </summary>
public static class DemoBumps
{
    /// <summary>The moment (UTC) of the last bump of <paramref name="ad"/> on or before <paramref name="date"/>; the posted day (06:00–06:59) when never bumped.</summary>
    public static DateTimeOffset BumpedAt(DemoAd ad, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(ad);
        var posted = ad.VersionOn(date).Posted;
        for (var day = date; day > posted; day = day.AddDays(-1))
        {
            var h = Hash($"{ad.Id}|{day.DayNumber}");
            if (h % 3 == 0) return At(day, 7 + (int)(h / 3 % 14), (int)(h / 42 % 60));
        }
        return At(posted, 6, (int)(Hash(ad.Id) % 60));
    }

    /// <summary>True when <paramref name="ad"/> was bumped on <paramref name="date"/> itself.</summary>
    public static bool BumpedOn(DemoAd ad, DateOnly date) => DateOnly.FromDateTime(BumpedAt(ad, date).UtcDateTime) == date
        && date > ad.VersionOn(date).Posted;

    /// <summary>FNV-1a over UTF-8: stable across runs and platforms (string.GetHashCode is randomised per process).</summary>
    internal static uint Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 16777619u;
        // Final avalanche so that neighbouring inputs do not give neighbouring remainders.
        hash ^= hash >> 15;
        hash *= 0x2c1b3c6du;
        hash ^= hash >> 12;
        return hash;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
}
