using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.CrawlerHealth;

public sealed class SqliteCrawlerHealthQueryTests : CrawlerHealthQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
