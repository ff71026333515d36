using AdWatch.Storage;

namespace AdWatch.Analysis;

/// <summary>
/// Makes analysis runs take turns: a run rewrites advertisers, locations, stays and flags from everything stored, so two at once
/// (the job after a crawl, a phone mark, <c>adwatch analyze</c>) would only race each other's writes. A <see cref="DatabaseLock"/>.
/// </summary>
public static class AnalysisLock
{
    /// <summary>The advisory lock key: "AdWatchA" in ASCII, fixed so every process and version agrees.</summary>
    public const long PostgresKey = 0x4164_5761_7463_6841;

    /// <summary>Waits until no other analysis run holds the lock, then holds it until the result is disposed.</summary>
    public static Task<IAsyncDisposable> AcquireAsync(Database database, CancellationToken ct) => DatabaseLock.AcquireAsync(database, PostgresKey, ct);
}
