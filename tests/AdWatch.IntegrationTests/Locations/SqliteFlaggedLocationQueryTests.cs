using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Locations;

public sealed class SqliteFlaggedLocationQueryTests : FlaggedLocationQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
