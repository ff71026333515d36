using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Jobs;

/// <summary>The background job server (Hangfire). Section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often workers look for new jobs. Short, so a crawl's follow-up extraction and analysis start at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Jobs:PollInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Parallel job workers in this process. Crawls are polite per host regardless of this number.</summary>
    [Range(1, 64, ErrorMessage = "Jobs:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 2;

    /// <summary>
    /// Hangfire's SQLite file when Storage:Provider is sqlite; default: next to the data file, with <c>.hangfire.db</c>.
    /// Hangfire.Storage.SQLite is safe in ONE process only: run several processes only on PostgreSQL.
    /// </summary>
    public string? SqlitePath { get; set; }

    /// <summary>
    /// Schedule each site's crawl on its cron. Off in the demo, whose sites live only while it replays 2023, and on a
    /// read-only dashboard process when another process crawls.
    /// </summary>
    public bool ScheduleCrawls { get; set; } = true;

    /// <summary>The cron time zone of site schedules.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";
}

/// <summary>Checks <see cref="JobsOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>;
