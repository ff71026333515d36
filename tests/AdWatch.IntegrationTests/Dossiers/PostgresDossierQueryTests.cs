using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Dossiers;

public sealed class PostgresDossierQueryTests : DossierQuerySuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
