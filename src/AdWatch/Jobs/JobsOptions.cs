using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Jobs;

/// <summary>The background job server (Hangfire). Section <c>Jobs</c>.</summary>
public sealed class JobsOptions : IValidatableObject
{
    public const string Section = "Jobs";

    /// <summary>How often workers look for new jobs. Short, so a crawl's follow-up extraction and analysis start at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Parallel job workers in this process. Crawls are polite per host regardless of this number.</summary>
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

    /// <summary>
    /// Local sites (<c>local: true</c>: the demo sites and test sites on loopback or the LAN) whose crawl is scheduled anyway,
    /// by name. Empty by default: a local definition is not a real ad site, and a fresh <c>serve</c> must not crawl the
    /// demo sites every day (nothing answers there but the demo).
    /// </summary>
    public List<string> ScheduleLocalSites { get; set; } = [];

    /// <summary>The cron time zone of site schedules.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => new[]
    {
        ValidatedOptions.Between("Jobs:PollInterval", PollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10)),
        ValidatedOptions.Between("Jobs:WorkerCount", WorkerCount, 1, 64),
        ValidatedOptions.Required("Jobs:TimeZone", TimeZone, "an IANA time zone such as Europe/Amsterdam."),
    }.OfType<ValidationResult>();
}

/// <summary>Checks <see cref="JobsOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class JobsOptionsValidator : IValidateOptions<JobsOptions>;
