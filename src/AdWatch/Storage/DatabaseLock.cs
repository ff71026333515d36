using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;

namespace AdWatch.Storage;

/// <summary>
/// A named turn for work that must not run twice at once, in any process on the database: an analysis run (it rewrites
/// advertisers, locations, stays and flags), an alert delivery (it sends what is not yet marked sent). On PostgreSQL a
/// session-level advisory lock, held on its own connection for the turn, serialises every process; on SQLite, which AdWatch
/// uses from one process only, a semaphore per database file and key does.
/// </summary>
public static class DatabaseLock
{
    private static readonly ConcurrentDictionary<(string File, long Key), SemaphoreSlim> SqliteLocks = new();

    /// <summary>Waits until no one else holds <paramref name="key"/> on this database, then holds it until the result is disposed.</summary>
    /// <param name="key">A fixed advisory lock key, the same in every process and version (eight ASCII letters, e.g. "AdWatchA").</param>
    public static async Task<IAsyncDisposable> AcquireAsync(Database database, long key, CancellationToken ct)
    {
        if (database.Dialect == SqlDialect.Postgres)
        {
            var connection = await database.OpenAsync(ct);
            try
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: ct));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
            return new PostgresHold(connection, key);
        }
        var semaphore = SqliteLocks.GetOrAdd((database.FilePath!, key), _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(ct);
        return new SqliteHold(semaphore);
    }

    private sealed class PostgresHold(DbConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
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
