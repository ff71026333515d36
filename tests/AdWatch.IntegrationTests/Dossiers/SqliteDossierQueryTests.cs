using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Dossiers;

public sealed class SqliteDossierQueryTests : DossierQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
