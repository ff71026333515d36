using AdWatch.Sites;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Jobs;

/// <summary>
/// At start, makes Hangfire's recurring jobs match the site definitions: one <c>crawl:SITE</c> job per crawlable site, on the
/// site's cron in its time zone (Europe/Amsterdam by default); jobs of sites whose YAML is gone are removed, and all of
/// them when <see cref="JobsOptions.ScheduleCrawls"/> is off. A local site (the demo sites) is scheduled only when named in
/// <see cref="JobsOptions.ScheduleLocalSites"/>.
/// </summary>
public sealed class RecurringCrawlRegistrar(SiteCatalog sites, IRecurringJobManager recurring, JobStorage storage,
    IOptions<JobsOptions> options, ILogger<RecurringCrawlRegistrar> logger) : IHostedService
{
    private const string Prefix = "crawl:";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var scheduled = options.Value.ScheduleCrawls
            ? sites.All.Where(s => s.Fetch.Mode != FetchMode.Import && !string.IsNullOrWhiteSpace(s.Schedule.Cron)
                                   && (!s.Local || options.Value.ScheduleLocalSites.Contains(s.Name, StringComparer.Ordinal)))
            : [];
        if (!options.Value.ScheduleCrawls)
        {
            logger.LogInformation("Scheduled crawls are off (Jobs:ScheduleCrawls=false)");
        }
        foreach (var site in scheduled)
        {
            var id = Prefix + site.Name;
            wanted.Add(id);
            var name = site.Name;
            recurring.AddOrUpdate<CrawlJob>(id, j => j.RunAsync(name, CancellationToken.None), site.Schedule.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(site.Schedule.TimeZone) });
            logger.LogInformation("Scheduled {Job} at '{Cron}' ({TimeZone})", id, site.Schedule.Cron, site.Schedule.TimeZone);
        }
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(j => j.Id).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(id)))
        {
            recurring.RemoveIfExists(stale);
            logger.LogInformation("Removed {Job}: its site definition is gone, crawls are not scheduled or the site is local", stale);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
