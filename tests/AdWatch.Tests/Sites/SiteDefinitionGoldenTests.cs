using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Tests.Sites;

/// <summary>Each site definition against saved pages: saved HTML → expected fields (Scrapy contracts).</summary>
public sealed class SiteDefinitionGoldenTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [Theory]
    [InlineData("kontaktbord", "kontaktbord-ad")]
    [InlineData("kontaktbord", "kontaktbord-captcha")]
    [InlineData("nachtlicht", "nachtlicht-ad")]
    [InlineData("nachtlicht", "nachtlicht-expired")]
    public void ReadAd_MatchesGoldenJson_ForSavedPage(string siteName, string page)
    {
        var site = Site(siteName);
        var expected = JsonSerializer.Deserialize<Golden>(File.ReadAllText(GoldenPath(page + ".json")), Json)!;
        var html = File.ReadAllBytes(GoldenPath(page + ".html"));

        var ad = PageReader.ReadAd(HtmlParse.Document(html, "text/html; charset=utf-8"), new Uri(expected.Url), site);
        var actual = new Golden(expected.Url, PageReader.ExternalId(null, new Uri(expected.Url), site), ad.Fields.Title, ad.Fields.Text,
            ad.Fields.Location, ad.Fields.Phone, ad.Fields.PostedDate, ad.Fields.Images, ad.Expired, ad.Blocked);

        JsonSerializer.Serialize(actual, Json).ShouldBe(JsonSerializer.Serialize(expected, Json));
    }

    /// <summary>
    /// Lantaarn's pages carry more than the six fields: the id in an inline script (the beta URL is an opaque token), labelled
    /// fields, extras, and the browser's captured reveal appended as a template; so the id and the extras are read from the page.
    /// </summary>
    [Theory]
    [InlineData("lantaarn", "lantaarn-ad")]
    [InlineData("lantaarn", "lantaarn-ad-image-phone")]
    [InlineData("lantaarn", "lantaarn-expired")]
    [InlineData("lantaarn-json", "lantaarn-json-ad")]
    public void ReadAd_MatchesGoldenJson_WithExtras_ForSavedLantaarnPage(string siteName, string page)
    {
        var site = Site(siteName);
        var expected = JsonSerializer.Deserialize<GoldenWithExtras>(File.ReadAllText(GoldenPath(page + ".json")), Json)!;
        var html = File.ReadAllBytes(GoldenPath(page + ".html"));

        var ad = PageReader.ReadAd(PageContent.From(html, "text/html; charset=utf-8"), new Uri(expected.Url), site);
        var f = ad.Fields;
        var actual = new GoldenWithExtras(expected.Url, ad.ExternalId, f.Title, f.Text, f.Location, f.Phone, f.PostedDate, f.Images,
            f.Extras ?? new SortedDictionary<string, string>(), ad.Expired, ad.Blocked);

        JsonSerializer.Serialize(actual, Json).ShouldBe(JsonSerializer.Serialize(expected, Json));
    }

    [Fact]
    public void ReadListing_FollowsJsonItemsAndNext_ForLantaarnApi()
    {
        var site = Site("lantaarn-json");
        var content = PageContent.From(File.ReadAllBytes(GoldenPath("lantaarn-json-listing.json")), "application/json; charset=utf-8");

        var listing = PageReader.ReadListing(content, new Uri("http://127.0.0.1:5083/api/ads?page=2"), site, 2);

        // The classic page of each id, in order, once; the API's "next" is the next page.
        listing.AdUrls.Select(u => u.AbsoluteUri).ShouldBe(
            ["http://127.0.0.1:5083/klassiek/advertentie/lt-1-h", "http://127.0.0.1:5083/klassiek/advertentie/nsp-9-a"]);
        listing.NextPage!.AbsoluteUri.ShouldBe("http://127.0.0.1:5083/api/ads?page=3");
        listing.DeclaredEmpty.ShouldBeFalse();
    }

    [Fact]
    public void ReadListing_FindsAdLinksAndNextPage_ForKontaktbordListing()
    {
        var site = Site("kontaktbord");
        var doc = HtmlParse.Document(File.ReadAllBytes(GoldenPath("kontaktbord-listing.html")), null);

        var listing = PageReader.ReadListing(doc, new Uri("http://127.0.0.1:5081/advertenties"), site, 1);

        listing.AdUrls.Select(u => u.AbsoluteUri).ShouldBe(["http://127.0.0.1:5081/advertentie/a1", "http://127.0.0.1:5081/advertentie/a2"]);
        listing.NextPage!.AbsoluteUri.ShouldBe("http://127.0.0.1:5081/advertenties?pagina=2");
        listing.Blocked.ShouldBeFalse();
        listing.DeclaredEmpty.ShouldBeFalse();
    }

    [Fact]
    public void ReadListing_StopsAtPageCap()
    {
        var site = Site("kontaktbord");
        site.Listing.MaxPages = 1;
        var doc = HtmlParse.Document(File.ReadAllBytes(GoldenPath("kontaktbord-listing.html")), null);
        PageReader.ReadListing(doc, new Uri("http://127.0.0.1:5081/advertenties"), site, 1).NextPage.ShouldBeNull();
    }

    internal static SiteDefinition Site(string name) =>
        SiteDefinitionLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "crawlers", name + ".yaml"));

    private static string GoldenPath(string file) => Path.Combine(AppContext.BaseDirectory, "Sites", "Golden", file);

    private sealed record Golden(string Url, string? ExternalId, string? Title, string? Text, string? Location, string? Phone,
        string? PostedDate, IReadOnlyList<string> Images, bool Expired, bool Blocked);

    private sealed record GoldenWithExtras(string Url, string? ExternalId, string? Title, string? Text, string? Location, string? Phone,
        string? PostedDate, IReadOnlyList<string> Images, IReadOnlyDictionary<string, string> Extras, bool Expired, bool Blocked);
}
