using Dapper;

namespace AdWatch.IntegrationTests.Storage;

public sealed class PostgresStorageTests : StorageSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();

    protected override async Task<IReadOnlyList<string>> SchemaAsync()
    {
        await using var c = await Database.OpenAsync(TestContext.Current.CancellationToken);
        var tables = await c.QueryAsync<string>("""
            SELECT 'table ' || table_name || ': ' || string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)
            FROM information_schema.columns WHERE table_schema = 'public' GROUP BY table_name ORDER BY table_name
            """);
        var indexes = await c.QueryAsync<string>("SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname");
        return [.. tables, .. indexes];
    }
}
