using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Storage;
using AdWatch.Tests.Extraction;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SixLabors.ImageSharp;

namespace AdWatch.Tests.Geocoding;

public sealed class PhotoStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"adwatch-photos-{Guid.NewGuid():N}.db");
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
    public async Task KeptPhoto_ReadsBackWithoutExif()
    {
        var photos = Store();

        var (sha, problem) = await photos.KeepAsync(ImageSamples.JpegWithGps(120, 80), Ct);
        await LinkAsync("https://site.test/img/1.jpg", sha);

        problem.ShouldBeNull();
        var stored = (await photos.FindAsync("https://site.test/img/1.jpg", Ct)).ShouldNotBeNull();
        stored.Sha256.ShouldBe(sha);
        stored.ContentType.ShouldBe("image/jpeg");
        (stored.Width, stored.Height).ShouldBe((120, 80));
        using var image = Image.Load(stored.Content);
        image.Metadata.ExifProfile.ShouldBeNull();
        image.Metadata.XmpProfile.ShouldBeNull();
        (await photos.FindAsync("https://site.test/img/other.jpg", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task SameImageTwice_IsStoredOnce()
    {
        var photos = Store();
        var data = ImageSamples.JpegWithGps(64, 64);

        var first = await photos.KeepAsync(data, Ct);
        var second = await photos.KeepAsync([.. data], Ct);
        var other = await photos.KeepAsync(ImageSamples.JpegWithGps(64, 65), Ct);

        second.Sha256.ShouldBe(first.Sha256);
        other.Sha256.ShouldNotBe(first.Sha256);
        await using var c = await _database.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stored_images")).ShouldBe(2);
        (await c.ExecuteScalarAsync<long>("SELECT byte_size FROM stored_images WHERE sha256 = @Sha256", new { first.Sha256 }))
            .ShouldBe((await c.ExecuteScalarAsync<byte[]>("SELECT content FROM stored_images WHERE sha256 = @Sha256", new { first.Sha256 }))!.Length);
    }

    [Fact]
    public async Task NothingIsStored_WhenKeepingIsOff_OrTheImageIsUndecodable()
    {
        var off = await Store(o => o.KeepImages = false).KeepAsync(ImageSamples.JpegWithGps(64, 64), Ct);
        var garbage = await Store().KeepAsync([1, 2, 3, 4, 5], Ct);

        off.Problem.ShouldNotBeNull().ShouldContain("Extraction:KeepImages");
        garbage.Problem.ShouldNotBeNull();
        (off.Sha256, garbage.Sha256).ShouldBe((null, null));
        await using var c = await _database.OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stored_images")).ShouldBe(0);
    }

    private PhotoStore Store(Action<ExtractionOptions>? change = null)
    {
        var options = new ExtractionOptions();
        change?.Invoke(options);
        var o = Microsoft.Extensions.Options.Options.Create(options);
        return new PhotoStore(_database, new ImageReencoder(o), o, new FakeTimeProvider(T0));
    }

    private async Task LinkAsync(string url, string? sha)
    {
        await using var c = await _database.OpenAsync(Ct);
        await c.ExecuteAsync("INSERT INTO image_hashes (url, phash, fetched_at, image_sha256) VALUES (@url, 1, 0, @sha)", new { url, sha });
    }
}
