using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.CrawlerHealth;

public sealed class PostgresCrawlerHealthQueryTests : CrawlerHealthQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
