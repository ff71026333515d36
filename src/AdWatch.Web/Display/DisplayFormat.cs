using System.Globalization;

namespace AdWatch.Web.Display;

/// <summary>Dates, times and scores as the pages show them: Dutch (or English) dates, times in the Netherlands' time zone.</summary>
public static class DisplayFormat
{
    private static readonly TimeZoneInfo Amsterdam = FindAmsterdam();

    public static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam);

    public static string Date(DateTimeOffset at) => Local(at).ToString("d MMM yyyy", CultureInfo.CurrentUICulture);

    public static string Date(DateTimeOffset? at) => at is { } a ? Date(a) : "–";

    public static string DateTime(DateTimeOffset at) => Local(at).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentUICulture);

    public static string DateTime(DateTimeOffset? at) => at is { } a ? DateTime(a) : "–";

    /// <summary>A day in the UTC calendar of the analysis (stays are whole UTC days).</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.CurrentUICulture);

    /// <summary>For &lt;input type=date&gt;.</summary>
    public static string IsoDate(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Score(double? score) => score is { } s ? s.ToString("0.00", CultureInfo.CurrentUICulture) : "–";

    private static TimeZoneInfo FindAmsterdam()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // no tzdata: times stay correct, only shown in UTC
        }
    }
}
