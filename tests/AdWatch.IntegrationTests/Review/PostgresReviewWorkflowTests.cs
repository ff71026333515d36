using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Review;

public sealed class PostgresReviewWorkflowTests : ReviewWorkflowSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
