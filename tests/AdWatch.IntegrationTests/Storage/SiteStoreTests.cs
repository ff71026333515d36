using AdWatch.IntegrationTests.Crawling;
using AdWatch.Sites;

namespace AdWatch.IntegrationTests.Storage;

public sealed class SiteStoreTests : IAsyncLifetime
{
    private readonly CrawlDatabase _db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _db.InitializeAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task EnsureAsync_KeepsOneRow_AndImportOnlyBecomesCrawled_WhenDefinitionArrives()
    {
        var store = new SiteStore(_db.Database, _db.Time);
        var imported = await store.EnsureAsync(SiteDefinition.Generic("forum"), importOnly: true, Ct);
        var crawled = await store.EnsureAsync(new SiteDefinition { Name = "forum", BaseUrl = "https://forum.example.org/", DefinitionHash = "abc" }, importOnly: false, Ct);
        var importedAgain = await store.EnsureAsync(SiteDefinition.Generic("forum"), importOnly: true, Ct);

        crawled.ShouldBe(imported);
        importedAgain.ShouldBe(imported);
        var row = (await store.FindAsync("forum", Ct))!;
        row.ImportOnly.ShouldBeFalse();
        row.FetchMode.ShouldBe("http");
        row.BaseUrl.ShouldBe("https://forum.example.org/");
        row.DefinitionHash.ShouldBe("abc");
        (await store.FindAsync("unknown", Ct)).ShouldBeNull();
    }
}
