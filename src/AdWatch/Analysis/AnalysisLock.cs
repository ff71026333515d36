using System.Collections.Concurrent;
using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Makes analysis runs take turns: a run rewrites advertisers, locations, stays and flags from everything stored, so two at once
/// (the job after a crawl, a phone mark, <c>adwatch analyze</c>) would only race each other's writes. On PostgreSQL a
/// session-level advisory lock, held on its own connection for the run, serialises every process on the database; on SQLite,
/// which AdWatch uses from one process only, a semaphore per database file does.
/// </summary>
public static class AnalysisLock
{
    /// <summary>The advisory lock key: "AdWatchA" in ASCII, fixed so every process and version agrees.</summary>
    public const long PostgresKey = 0x4164_5761_7463_6841;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteLocks = new(StringComparer.Ordinal);

    /// <summary>Waits until no other analysis run holds the lock, then holds it until the result is disposed.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(Database database, CancellationToken ct)
    {
        if (database.Dialect == SqlDialect.Postgres)
        {
            var connection = await database.OpenAsync(ct);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = PostgresKey },
                    cancellationToken: ct));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return new PostgresHold(connection);
        }
        var semaphore = SqliteLocks.GetOrAdd(database.FilePath!, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(ct);
        return new SqliteHold(semaphore);
    }

    private sealed class PostgresHold(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = PostgresKey });
            }
            finally
            {
                // Closing the session releases a session lock anyway; the unlock only hands it on before the pool resets it.
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class SqliteHold(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
