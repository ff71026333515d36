using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Analysis;

public sealed class PostgresAnalysisPipelineTests : AnalysisPipelineSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
