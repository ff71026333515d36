using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>A migrated temp SQLite file per test, deleted afterwards.</summary>
public sealed class CrawlDatabase : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adwatch-crawl-" + Guid.NewGuid().ToString("N"));

    public CrawlDatabase()
    {
        Path = System.IO.Path.Combine(_folder, "test.db");
        Database = new Database(Options.Create(new StorageOptions { DatabasePath = Path }));
    }

    public string Path { get; }

    public Database Database { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync() =>
        await new SchemaMigrator(Database, Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A lingering handle on a temp file is not worth failing a test for.
        }
    }
}
