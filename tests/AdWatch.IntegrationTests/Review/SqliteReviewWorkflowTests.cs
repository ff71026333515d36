using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Review;

public sealed class SqliteReviewWorkflowTests : ReviewWorkflowSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
