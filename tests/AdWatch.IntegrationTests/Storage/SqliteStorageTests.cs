using Dapper;

namespace AdWatch.IntegrationTests.Storage;

public sealed class SqliteStorageTests : StorageSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());

    protected override async Task<IReadOnlyList<string>> SchemaAsync()
    {
        await using var c = await Database.OpenAsync(TestContext.Current.CancellationToken);
        return [.. await c.QueryAsync<string>("""
            SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
            """)];
    }

    [Fact]
    public async Task Database_UsesWalJournal()
    {
        await using var c = await Database.OpenAsync(TestContext.Current.CancellationToken);
        (await c.ExecuteScalarAsync<string>("PRAGMA journal_mode")).ShouldBe("wal");
        (await c.ExecuteScalarAsync<long>("PRAGMA foreign_keys")).ShouldBe(1);
    }
}
