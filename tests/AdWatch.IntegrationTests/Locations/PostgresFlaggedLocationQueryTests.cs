using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Locations;

public sealed class PostgresFlaggedLocationQueryTests : FlaggedLocationQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
