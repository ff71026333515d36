using AdWatch.Privacy;
using Hangfire;

namespace AdWatch.Jobs;

/// <summary>The scheduled retention purge (<see cref="RetentionPurge"/>). Never two at once: the purge re-runs the analysis.</summary>
public sealed class RetentionJob(RetentionPurge purge)
{
    public const string Id = "retention";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task RunAsync(CancellationToken ct) => purge.PurgeAsync("system:retention", ct);
}
