using System.Diagnostics;
using System.Text;
using AdWatch.Crawling;
using AdWatch.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary>JSON from a site is hostile: deep, huge, malformed or odd JSON never throws and never stalls.</summary>
public sealed class JsonValuesTests
{
    public static TheoryData<string> Hostile => new()
    {
        "",
        "{",
        "{\"a\":",
        "nul",
        "[" + new string('[', 100_000) + "1" + new string(']', 100_000) + "]",
        string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000),
        "{\"a\":1,\"a\":2}",
        "{\"a\":\"\\ud800\"}",
        "{\"a\":1e999999}",
        "{\"a\":123456789012345678901234567890123456789}",
        "\uFEFF{\"a\":\"x\"}",
        "{\"a\":\"x\"} trailing",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void ReadingJson_NeverThrows(string json)
    {
        var page = PageContent.From(Encoding.UTF8.GetBytes(json), "application/json");

        Should.NotThrow(() => PageReader.ReadAll(page, "json:$..a | json:$.a | json:$[*]").ToList());
        Should.NotThrow(() => PageReader.ReadAd(page, new Uri("http://127.0.0.1/a"), Site()));
        Should.NotThrow(() => PageReader.ReadListing(page, new Uri("http://127.0.0.1/a"), Site(), 1));
    }

    [Fact]
    public void DeepNesting_IsNoJson()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", JsonValues.MaxDepth + 5)) + "1" + new string('}', JsonValues.MaxDepth + 5);
        var shallow = string.Concat(Enumerable.Repeat("{\"a\":", 10)) + "1" + new string('}', 10);

        JsonValues.Parse(deep).ShouldBeNull();
        JsonValues.Parse(shallow).ShouldNotBeNull();
    }

    [Fact]
    public void HugeJson_IsReadQuickly_AndValuesAreCapped()
    {
        var json = "{\"ads\":[" + string.Join(",", Enumerable.Range(0, 200_000).Select(i => $"{{\"id\":\"{i}\",\"x\":[1,2,3]}}")) + "]}";
        var page = PageContent.From(Encoding.UTF8.GetBytes(json), "application/json");
        var clock = Stopwatch.StartNew();

        var ids = PageReader.ReadAll(page, "json:$..id").ToList();

        ids.Count.ShouldBe(JsonValues.MaxValues);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30)); // a stall bound, not a benchmark: CI machines are shared
    }

    [Fact]
    public void OversizedText_IsNoJson()
    {
        JsonValues.Parse("\"" + new string('x', JsonValues.MaxChars) + "\"").ShouldBeNull();
    }

    private static SiteDefinition Site() => new()
    {
        Name = "t", BaseUrl = "http://127.0.0.1/",
        Listing = new ListingRule { Json = new JsonListingRule { Items = "$.ads[*]", Url = "$.url", Next = "$.next" } },
        Ad = new AdRule { Fields = new FieldSelectors { Title = "json:$.title" }, Extras = new() { ["age"] = "json:$..age" } },
    };
}
