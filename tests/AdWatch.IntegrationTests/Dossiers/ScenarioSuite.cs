using AdWatch.IntegrationTests.Storage;
using AdWatch.Storage;

namespace AdWatch.IntegrationTests.Dossiers;

/// <summary>Base of the dashboard read-model suites: a migrated database per test (SQLite; PostgreSQL when configured).</summary>
public abstract class ScenarioSuite : IAsyncLifetime
{
    private TestDatabase? _db;

    protected abstract Task<TestDatabase> CreateAsync();

    protected Database Database => _db!.Database;

    public async ValueTask InitializeAsync()
    {
        _db = await CreateAsync();
        await _db.Migrator().MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
