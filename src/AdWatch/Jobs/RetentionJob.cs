using AdWatch.Analysis;
using AdWatch.Privacy;
using Hangfire;

namespace AdWatch.Jobs;

/// <summary>
/// The retention purge (<see cref="RetentionPurge"/>) followed, when ads went, by an analysis of what is left: the
/// nightly schedule and <c>adwatch purge</c> both run this chain. Never two at once.
/// </summary>
public sealed class RetentionJob(RetentionPurge purge, AnalysisRunner analysis)
{
    public const string Id = "retention";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 3600)]
    public Task RunAsync(CancellationToken ct) => JobStoreRedaction.RunAsync(() => PurgeAsync("system:retention", ct));

    /// <summary>Purges now on behalf of <paramref name="actor"/> (audited) and returns what went.</summary>
    public Task<RetentionResult> PurgeAsync(string actor, CancellationToken ct) =>
        purge.PurgeAsync(actor, c => analysis.RunAsync(null, licensedVenuesFile: null, c), ct);
}
