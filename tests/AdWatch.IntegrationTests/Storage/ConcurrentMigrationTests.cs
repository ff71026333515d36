using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Storage;

/// <summary>
/// Several processes starting at once on an empty PostgreSQL database (a web and two workers in compose or Kubernetes) each
/// migrate it: the migration advisory lock makes them take turns, so none fails on a table another one just created.
/// </summary>
public sealed class ConcurrentMigrationTests
{
    [Fact]
    public async Task FourMigratorsAtOnce_OnAnEmptyPostgresDatabase_AllSucceed_AndApplyEachScriptOnce()
    {
        await using var db = await TestDatabase.PostgresAsync();
        var connectionString = db.PostgresConnectionString;
        var databases = Enumerable.Range(0, 4)
            .Select(_ => new Database(Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = connectionString })))
            .ToList();
        var locksSeen = 0;
        try
        {
            var runs = databases.Select(d => Task.Run(() => new SchemaMigrator(d, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync(TestContext.Current.CancellationToken, async ct =>
                {
                    // Inside the lock: no other session holds it at the same time.
                    await using var c = await d.OpenAsync(ct);
                    var holders = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                        "SELECT COUNT(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE d.datname = current_database() AND l.locktype = 'advisory' AND l.granted AND l.objid = (@key & 4294967295)",
                        new { key = SchemaMigrator.PostgresLockKey }, cancellationToken: ct));
                    holders.ShouldBe(1);
                    Interlocked.Increment(ref locksSeen);
                }))).ToList();

            var applied = await Task.WhenAll(runs);

            applied.Sum(a => a.Count).ShouldBe(SchemaMigrator.Scripts(SqlDialect.Postgres).Count, "each script applied by exactly one process");
            locksSeen.ShouldBe(4);
            await using var check = await db.Database.OpenAsync(TestContext.Current.CancellationToken);
            (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schema_version")).ShouldBe(SchemaMigrator.Scripts(SqlDialect.Postgres).Count);
        }
        finally
        {
            foreach (var d in databases)
            {
                await d.DisposeAsync();
            }
        }
    }
}
