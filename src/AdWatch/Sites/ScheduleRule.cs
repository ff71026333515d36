namespace AdWatch.Sites;

/// <summary>When the site is crawled. The lead's Hangfire wiring reads this.</summary>
public sealed class ScheduleRule
{
    /// <summary>Five-field cron expression; empty means "only on demand".</summary>
    public string Cron { get; set; } = "";

    /// <summary>IANA time zone the cron expression is read in.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}
