using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Privacy;

/// <summary>
/// How long personal data is kept (section <c>Retention</c>). Ads are special-category personal data of people who are often
/// victims: what no open case needs is deleted on schedule. Periods count back from the injected clock.
/// </summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    /// <summary>Run the purge as a scheduled job. Turn off only where another process purges the same database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the purge runs (cron, Europe/Amsterdam). Default: every night at 03:30.</summary>
    public string Cron { get; set; } = "30 3 * * *";

    /// <summary>
    /// An ad last seen longer ago than this is deleted with its versions, observations, extracted phones/places, evidence and
    /// analysis links — unless a flag that still needs it holds it (see <see cref="ClosedFlagDays"/>).
    /// </summary>
    public int AdDays { get; set; } = 180;

    /// <summary>
    /// Ads behind a closed or dismissed flag are kept this long after the flag's last review step (the case may be
    /// reopened or questioned); behind a flag in review, proposed or inspected they are kept as long as the flag is open.
    /// </summary>
    public int ClosedFlagDays { get; set; } = 365;

    /// <summary>Crawl request logs and error snapshots (URLs and stored pages) are deleted after this many days; run statistics stay.</summary>
    public int CrawlLogDays { get; set; } = 90;

    /// <summary>The audit log is kept this long (accountability outlives the data it is about).</summary>
    public int AuditDays { get; set; } = 730;

    /// <summary>
    /// An alert is emptied this long after it was raised (its summary and evidence pack go, and its inbox rows; the bare event
    /// stays so it is not raised again) — except a relapse alert while its location's measure runs (or ended less than
    /// <see cref="ClosedFlagDays"/> ago): that is the evidence for a forfeited dwangsom or executed bestuursdwang.
    /// </summary>
    public int AlertDays { get; set; } = 365;

    /// <summary>A watch that raised no alert in this many days ends; a disabled or removed account's watches end at once.</summary>
    public int WatchDays { get; set; } = 365;

    /// <summary>
    /// Controls and finished measures (executed or lifted) are deleted this long after the control's day or the measure's last
    /// change — never while a measure at the location still runs. The year in figures counts only what is kept. Five years by
    /// default: the case itself lives on in the municipality's case system under its own archive rules.
    /// </summary>
    public int EnforcementDays { get; set; } = 1825;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in new[]
        {
            ValidatedOptions.Required("Retention:Cron", Cron, "a five-field cron expression such as \"30 3 * * *\"."),
            ValidatedOptions.Between("Retention:AdDays", AdDays, 7, 3650),
            ValidatedOptions.Between("Retention:ClosedFlagDays", ClosedFlagDays, 7, 3650),
            ValidatedOptions.Between("Retention:CrawlLogDays", CrawlLogDays, 1, 3650),
            ValidatedOptions.Between("Retention:AuditDays", AuditDays, 30, 3650),
            ValidatedOptions.Between("Retention:AlertDays", AlertDays, 30, 3650),
            ValidatedOptions.Between("Retention:WatchDays", WatchDays, 30, 3650),
            ValidatedOptions.Between("Retention:EnforcementDays", EnforcementDays, 365, 3650),
        }.OfType<ValidationResult>())
        {
            yield return problem;
        }
        if (!string.IsNullOrWhiteSpace(Cron) && Cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            yield return new ValidationResult("Retention:Cron must have five fields (minute hour day month weekday), e.g. \"30 3 * * *\".");
        }
    }
}

/// <summary>Checks <see cref="RetentionOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class RetentionOptionsValidator : IValidateOptions<RetentionOptions>;
