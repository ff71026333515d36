using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Privacy;

public sealed class PostgresRetentionPurgeTests : RetentionPurgeSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
