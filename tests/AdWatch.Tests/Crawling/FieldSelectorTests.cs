using System.Text;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary>Every selector kind of <see cref="FieldSelectors"/>: css, attribute, script, label, json, json#id, capture, regex.</summary>
public sealed class FieldSelectorTests
{
    private const string Page = """
        <html><head><script>window.__ad = { "adId": "a-77-x", "views": 3 };</script>
        <script type="application/json" id="ad-data">{"ad":{"id":"j1","phone":"0612345678","tags":["a","b"],"price":{"eur":150.50}}}</script></head>
        <body><h1 class="t">Sofia</h1><a class="wa" href="https://wa.me/31612345678">app</a><span class="tel">06-11 22 33 44</span>
        <span class="badge badge--verified" title="Geverifieerd op 1-12">✓</span>
        <template data-adwatch-capture="reveal" data-url="http://127.0.0.1/api/ads/a1/reveal">{"phone":"06 98765432"}</template>
        <template data-adwatch-capture="reveal" data-url="http://127.0.0.1/api/ads/a1/reveal">{"phone":"06 55555555"}</template>
        </body></html>
        """;

    [Theory]
    [InlineData("h1.t", "Sofia")]
    [InlineData("a.wa@href", "https://wa.me/31612345678")]
    [InlineData("a.wa@href | span.tel", "https://wa.me/31612345678\n06-11 22 33 44")]
    [InlineData(".badge--verified@title", "Geverifieerd op 1-12")]
    [InlineData("""script ~ "adId"\s*:\s*"([A-Za-z0-9-]+)" """, "a-77-x")]
    [InlineData("span.tel ~ \\d{2}", "06")]
    [InlineData("json#ad-data:$.ad.phone", "0612345678")]
    [InlineData("json#ad-data:$.ad.tags", "a\nb")]
    [InlineData("json#ad-data:$.ad.price.eur", "150.50")]
    [InlineData("json#ad-data:$.ad.price", "{\"eur\":150.50}")]
    [InlineData("json#ad-data:$.ad.missing", null)]
    [InlineData("json#nope:$.ad.id", null)]
    [InlineData("json:$.ad.id", null)] // an HTML page is not a JSON page
    [InlineData("capture:reveal:$.phone", "06 98765432\n06 55555555")]
    [InlineData("capture:reveal:$.phone ~ 98\\d+", "98765432")]
    [InlineData("capture:other:$.phone", null)]
    [InlineData("h1.t ~ nomatch", null)]
    public void Read_ReadsEachSelectorKind(string selector, string? expected)
    {
        PageReader.Read(PageContent.Of(HtmlParse.Document(Page)), selector.Trim()).ShouldBe(expected);
    }

    [Fact]
    public void Capture_WithoutPath_IsTheBodyText()
    {
        PageReader.ReadAll(PageContent.Of(HtmlParse.Document(Page)), "capture:reveal").ShouldBe(["{\"phone\":\"06 98765432\"}", "{\"phone\":\"06 55555555\"}"]);
    }

    [Fact]
    public void CaptureTemplates_AreNotPartOfTheVisibleText()
    {
        var site = new SiteDefinition { Name = "t", BaseUrl = "http://127.0.0.1/" };

        PageReader.ReadAd(HtmlParse.Document(Page), new Uri("http://127.0.0.1/ad/1"), site).Fields.Text!.ShouldNotContain("98765432");
    }

    [Fact]
    public void Json_ReadsAJsonPage()
    {
        var page = PageContent.From(Encoding.UTF8.GetBytes("""{"id":"z9","title":"Mila","phone":null,"images":["/i/1.jpg","/i/2.jpg"]}"""), "application/json; charset=utf-8");
        var site = new SiteDefinition
        {
            Name = "t", BaseUrl = "http://127.0.0.1/",
            Ad = new AdRule { IdSelector = "json:$.id", Fields = new FieldSelectors { Title = "json:$.title", Phone = "json:$.phone", Images = "json:$.images" } },
        };

        var ad = PageReader.ReadAd(page, new Uri("http://127.0.0.1/api/ad/z9"), site);

        page.IsJson.ShouldBeTrue();
        ad.ExternalId.ShouldBe("z9");
        ad.Fields.Title.ShouldBe("Mila");
        ad.Fields.Phone.ShouldBeNull();
        ad.Fields.Images.ShouldBe(["http://127.0.0.1/i/1.jpg", "http://127.0.0.1/i/2.jpg"]);
    }

    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/ld+json; charset=utf-8", true)]
    [InlineData("text/json", true)]
    [InlineData("text/html", false)]
    [InlineData(null, false)]
    public void IsJsonType_FollowsTheContentType(string? type, bool json)
    {
        PageContent.IsJsonType(type).ShouldBe(json);
    }

    [Fact]
    public void Extras_AreReadByName_AndOmittedWhenEmpty()
    {
        var site = new SiteDefinition
        {
            Name = "t", BaseUrl = "http://127.0.0.1/",
            Ad = new AdRule
            {
                Fields = new FieldSelectors { Title = "h1" },
                Extras = new() { ["verified"] = ".badge--verified@title", ["age"] = "label:Leeftijd" },
            },
        };

        var ad = PageReader.ReadAd(HtmlParse.Document(Page), new Uri("http://127.0.0.1/ad/1"), site);
        var none = PageReader.ReadAd(HtmlParse.Document("<h1>x</h1>"), new Uri("http://127.0.0.1/ad/1"), site);

        ad.Fields.Extras.ShouldBe(new Dictionary<string, string> { ["verified"] = "Geverifieerd op 1-12" });
        ad.Fields.ExtrasJson().ShouldBe("""{"verified":"Geverifieerd op 1-12"}""");
        none.Fields.Extras.ShouldBeNull();
        none.Fields.ExtrasJson().ShouldBeNull();
    }

    [Fact]
    public void ContentHash_IsUnchangedWithoutExtras_AndChangesWithThem()
    {
        var plain = new AdFields("T", "body", "Ermelo", "06", null, ["http://x/1.jpg"]);
        var empty = plain with { Extras = new Dictionary<string, string>() };
        var a = plain with { Extras = new Dictionary<string, string> { ["age"] = "25", ["area"] = "Veluwe" } };
        var b = plain with { Extras = new Dictionary<string, string> { ["area"] = "Veluwe", ["age"] = "25" } };
        var c = plain with { Extras = new Dictionary<string, string> { ["age"] = "26", ["area"] = "Veluwe" } };

        // The hash every version stored before extras existed was computed from exactly these six fields.
        var before = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(new object?[] { "T", "body", "Ermelo", "06", null, new[] { "http://x/1.jpg" } }))));
        plain.ContentHash().ShouldBe(before);
        empty.ContentHash().ShouldBe(before);
        a.ContentHash().ShouldNotBe(before);
        a.ContentHash().ShouldBe(b.ContentHash());
        c.ContentHash().ShouldNotBe(a.ContentHash());
    }
}
