using AdWatch.Geocoding;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Geocoding;

/// <summary>The <c>places</c> table on SQLite with every migration: the BAG ids of migration 0013 stored and read back.</summary>
public sealed class PlaceStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"adwatch-places-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Place Pdok = new(GeoPrecision.Address, "Stationsstraat", "12", "3841AB", "Harderwijk", "GM0243", true, 52.35002, 5.62001,
        "0243200000012345", "0243010000012345", "woonfunctie");

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
    public async Task GetAsync_ReadsBackBagIdsAndGebruiksdoel_WhenPdokPlaceWasStored()
    {
        var store = new PlaceStore(_database);

        var id = await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", Pdok), "pdok", T0, Ct);

        var row = (await store.GetAsync(id, Ct)).ShouldNotBeNull();
        row.Place.ShouldBe(Pdok);
    }

    [Fact]
    public async Task GetAsync_ReadsNullBagIds_WhenGazetteerPlaceWasStored()
    {
        var store = new PlaceStore(_database);
        var offline = Pdok with { NummeraanduidingId = null, AdresseerbaarObjectId = null, Gebruiksdoel = null };

        var id = await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", offline), "gazetteer", T0, Ct);

        var place = (await store.GetAsync(id, Ct)).ShouldNotBeNull().Place;
        (place.NummeraanduidingId, place.AdresseerbaarObjectId, place.Gebruiksdoel).ShouldBe((null, null, null));
    }

    [Fact]
    public async Task UpsertAsync_KeepsKnownBagIds_WhenSameHouseIsGeocodedAgainOffline()
    {
        var store = new PlaceStore(_database);
        var id = await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", Pdok), "pdok", T0, Ct);
        var offline = Pdok with { Postcode = null, Lat = 52.35, Lon = 5.62, NummeraanduidingId = null, AdresseerbaarObjectId = null, Gebruiksdoel = null };

        var again = await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", offline), "gazetteer", T0.AddDays(1), Ct);

        again.ShouldBe(id);
        var row = (await store.GetAsync(id, Ct)).ShouldNotBeNull();
        row.Source.ShouldBe("gazetteer");
        row.Place.Lat.ShouldBe(52.35); // the rest is refreshed
        row.Place.NummeraanduidingId.ShouldBe("0243200000012345");
        row.Place.AdresseerbaarObjectId.ShouldBe("0243010000012345");
        row.Place.Gebruiksdoel.ShouldBe("woonfunctie");
    }

    [Fact]
    public async Task UpsertAsync_ReplacesBagIds_WhenPdokAnswersWithOtherIds()
    {
        var store = new PlaceStore(_database);
        var id = await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", Pdok), "pdok", T0, Ct);

        await store.UpsertAsync(new GeocodedAddress("Stationsstraat 12", Pdok with { NummeraanduidingId = "0243200000099999", Gebruiksdoel = "winkelfunctie" }),
            "pdok", T0.AddDays(1), Ct);

        var place = (await store.GetAsync(id, Ct)).ShouldNotBeNull().Place;
        place.NummeraanduidingId.ShouldBe("0243200000099999");
        place.AdresseerbaarObjectId.ShouldBe("0243010000012345");
        place.Gebruiksdoel.ShouldBe("winkelfunctie");
    }
}
