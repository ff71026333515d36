namespace AdWatch.Analysis;

/// <summary>
/// Work that follows every analysis job (<see cref="AnalysisJob"/>), registered by a later stage (e.g. alerts) so analysis does
/// not depend on it. Each runs after the analysis has been written; one that fails fails the job (Hangfire retries it, and a
/// follow-up must be safe to repeat).
/// </summary>
public interface IAnalysisFollowUp
{
    Task AfterAnalysisAsync(AnalysisRun run, CancellationToken ct);
}
