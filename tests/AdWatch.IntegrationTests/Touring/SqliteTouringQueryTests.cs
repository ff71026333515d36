using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Touring;

public sealed class SqliteTouringQueryTests : TouringQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
