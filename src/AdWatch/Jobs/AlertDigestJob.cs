using AdWatch.Alerts;
using AdWatch.Privacy;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Jobs;

/// <summary>The daily digest of alerts (<see cref="AlertOptions.DigestCron"/>), for users who chose <c>digest</c>.</summary>
public sealed class AlertDigestJob(AlertDelivery delivery, ILogger<AlertDigestJob> logger)
{
    public const string Id = "alert-digest";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public Task RunAsync(CancellationToken ct) => JobStoreRedaction.RunAsync(() => RunCoreAsync(ct));

    private async Task RunCoreAsync(CancellationToken ct)
    {
        var sent = await delivery.SendDigestAsync(ct);
        logger.LogInformation("Alert digest: {Sent} e-mail(s) sent", sent);
    }
}

/// <summary>At start, schedules the alert digest, or removes it while no SMTP server is configured.</summary>
public sealed class AlertDigestScheduler(IRecurringJobManager recurring, IOptions<AlertOptions> options, IOptions<JobsOptions> jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.EmailEnabled)
        {
            recurring.RemoveIfExists(AlertDigestJob.Id);
            return Task.CompletedTask;
        }
        recurring.AddOrUpdate<AlertDigestJob>(AlertDigestJob.Id, j => j.RunAsync(CancellationToken.None), options.Value.DigestCron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(jobs.Value.TimeZone) });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
