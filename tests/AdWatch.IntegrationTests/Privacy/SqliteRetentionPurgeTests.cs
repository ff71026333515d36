using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Privacy;

public sealed class SqliteRetentionPurgeTests : RetentionPurgeSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
