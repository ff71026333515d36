using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdWatch.Web.Observability;

/// <summary>
/// Ready only if Hangfire's job store answers (its statistics query: servers, queues, counts). A process without a job
/// store (a role that schedules nothing) has nothing to check and says so.
/// </summary>
internal sealed class JobStoreHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<JobStorage>() is not { } storage)
        {
            return HealthCheckResult.Healthy("No job store in this process.");
        }
        try
        {
            // Hangfire's storage API is synchronous: off the request thread, bounded by the check's timeout.
            var stats = await Task.Run(() => storage.GetMonitoringApi().GetStatistics(), cancellationToken);
            return HealthCheckResult.Healthy($"{stats.Servers} job server(s), {stats.Enqueued} job(s) enqueued, {stats.Failed} failed.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Job store query failed ({e.GetType().Name}).");
        }
    }
}
