using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Jobs;

/// <summary>At start, schedules the retention purge on <see cref="RetentionOptions.Cron"/>, or removes it when retention is off.</summary>
public sealed class RetentionScheduler(IRecurringJobManager recurring, IOptions<RetentionOptions> options, IOptions<JobsOptions> jobs,
    ILogger<RetentionScheduler> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            recurring.RemoveIfExists(RetentionJob.Id);
            logger.LogWarning("Retention purge is off (Retention:Enabled=false): personal data is not deleted on schedule");
            return Task.CompletedTask;
        }
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.Id, j => j.RunAsync(CancellationToken.None), o.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.Value.TimeZone) });
        logger.LogInformation("Scheduled the retention purge at '{Cron}': ads after {AdDays} days, crawl logs after {CrawlLogDays}, audit after {AuditDays}",
            o.Cron, o.AdDays, o.CrawlLogDays, o.AuditDays);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
