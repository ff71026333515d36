using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Analysis;

public sealed class SqliteAnalysisPipelineTests : AnalysisPipelineSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
