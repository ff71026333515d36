using AdWatch.Geocoding;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Geocoding;

public sealed class GeocodeCacheStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"adwatch-cache-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = _db }));
        await new SchemaMigrator(_database, new FakeTimeProvider(T0), NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task GetAsync_ReturnsStoredResponse_WhenFetchedAfterNotBefore()
    {
        var store = new GeocodeCacheStore(_database);
        await store.PutAsync("pdok-free", "free?q=a", "{\"a\":1}", T0, Ct);

        (await store.GetAsync("pdok-free", "free?q=a", T0, Ct)).ShouldBe("{\"a\":1}");
        (await store.GetAsync("pdok-free", "free?q=a", T0.AddMilliseconds(1), Ct)).ShouldBeNull();
        (await store.GetAsync("other", "free?q=a", T0, Ct)).ShouldBeNull();
        (await store.GetAsync("pdok-free", "free?q=b", T0, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task PutAsync_ReplacesResponseAndTime_WhenQueryIsCachedAlready()
    {
        var store = new GeocodeCacheStore(_database);
        await store.PutAsync("pdok-free", "free?q=a", "old", T0, Ct);

        await store.PutAsync("pdok-free", "free?q=a", "new", T0.AddDays(1), Ct);

        (await store.GetAsync("pdok-free", "free?q=a", T0.AddDays(1), Ct)).ShouldBe("new");
    }
}
