using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Touring;

public sealed class PostgresTouringQueryTests : TouringQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
