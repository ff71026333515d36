using System.Security.Cryptography;
using AdWatch.Evidence;
using AdWatch.IntegrationTests.Crawling;

namespace AdWatch.IntegrationTests.Storage;

public sealed class EvidenceStoreTests : IAsyncLifetime
{
    private readonly CrawlDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task SaveAsync_RoundTripsBytesWithHash_AndDedupesByHash()
    {
        var store = new EvidenceStore(_db.Database);
        var raw = "<html><body>Synthetic ad ünïcode</body></html>"u8.ToArray();
        var at = new DateTimeOffset(2026, 3, 1, 10, 15, 0, TimeSpan.Zero);

        var id = await store.SaveAsync(raw, "http://127.0.0.1/ad/1", "text/html", 200, at, Ct);
        var again = await store.SaveAsync(raw, "http://127.0.0.1/ad/1-copy", "text/html", 200, at.AddDays(1), Ct);
        var blob = (await store.GetAsync(id, Ct))!;

        again.ShouldBe(id);
        blob.Content.ShouldBe(raw);
        blob.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(raw)));
        blob.CapturedAt.ShouldBe(at);
        blob.HttpStatus.ShouldBe(200);
    }
}
