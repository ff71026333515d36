using System.Text;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary><c>listing.json</c>: items by URL or URL template, the next page, only allowed hosts, from a JSON page or a capture.</summary>
public sealed class JsonPageReaderTests
{
    private static readonly Uri PageUrl = new("http://127.0.0.1:5000/api/ads?page=1");

    [Fact]
    public void ReadListing_ResolvesItemUrls_AndTheNextPage()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", Url = "$.url", Next = "$.next" });
        var page = Json("""{"ads":[{"url":"/ad/1"},{"url":"http://127.0.0.1:5000/ad/2"},{"url":"/ad/1"},{"url":"https://evil.example.org/ad/3"},{"url":null},{}],"next":"/api/ads?page=2"}""");

        var listing = PageReader.ReadListing(page, PageUrl, site, 1);

        listing.AdUrls.Select(u => u.AbsoluteUri).ShouldBe(["http://127.0.0.1:5000/ad/1", "http://127.0.0.1:5000/ad/2"]);
        listing.NextPage!.AbsoluteUri.ShouldBe("http://127.0.0.1:5000/api/ads?page=2");
    }

    [Fact]
    public void ReadListing_BuildsUrlsFromTheTemplate_AndStopsAtTheLastPage()
    {
        var site = Site(new JsonListingRule { Items = "$.data.items[*]", UrlTemplate = "/ad/{id}", Id = "$.id", Next = "$.next" });
        var page = Json("""{"data":{"items":[{"id":"a 1"},{"id":42}]},"next":null}""");

        var listing = PageReader.ReadListing(page, PageUrl, site, 1);

        listing.AdUrls.Select(u => u.AbsoluteUri).ShouldBe(["http://127.0.0.1:5000/ad/a%201", "http://127.0.0.1:5000/ad/42"]);
        listing.NextPage.ShouldBeNull();
    }

    [Fact]
    public void ReadListing_StopsAtMaxPages()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", Url = "$.url", Next = "$.next" });
        site.Listing.MaxPages = 3;

        PageReader.ReadListing(Json("""{"ads":[{"url":"/ad/1"}],"next":"/p4"}"""), PageUrl, site, 3).NextPage.ShouldBeNull();
    }

    [Fact]
    public void Items_HashEachItem_SoAChangedItemHasAnotherHash()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", Url = "$.url" });

        var one = JsonPageReader.Items(Json("""{"ads":[{"url":"/ad/1","price":10}]}"""), PageUrl, site).Single();
        var same = JsonPageReader.Items(Json("""{"ads":[ { "url" : "/ad/1", "price" : 10 } ]}"""), PageUrl, site).Single();
        var other = JsonPageReader.Items(Json("""{"ads":[{"url":"/ad/1","price":12}]}"""), PageUrl, site).Single();

        one.ItemHash.ShouldBe(same.ItemHash);
        other.ItemHash.ShouldNotBe(one.ItemHash);
    }

    [Fact]
    public void Items_LeaveWhatIgnoreNamesOutOfTheHash_AndStillSeeEveryOtherChange()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", Url = "$.url", Ignore = ["$.bumpedAt", "$.stats.views"] });
        string Hash(string json) => JsonPageReader.Items(Json(json), PageUrl, site).Single().ItemHash;

        var before = Hash("""{"ads":[{"url":"/ad/1","price":10,"bumpedAt":"2023-03-01T09:00","stats":{"views":3}}]}""");
        Hash("""{"ads":[{"url":"/ad/1","price":10,"bumpedAt":"2023-03-02T14:10","stats":{"views":40}}]}""").ShouldBe(before);
        Hash("""{"ads":[{"url":"/ad/1","price":12,"bumpedAt":"2023-03-02T14:10","stats":{"views":40}}]}""").ShouldNotBe(before);
        // The page read for ad URLs is not changed by hashing.
        JsonPageReader.Items(Json("""{"ads":[{"url":"/ad/1","bumpedAt":"x"}]}"""), PageUrl, site).Single().Url.AbsolutePath.ShouldBe("/ad/1");
    }

    [Fact]
    public void ReadListing_InBrowserMode_ReadsTheCapturedResponses()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", UrlTemplate = "/ad/{id}", Id = "$.id", Capture = "list" });
        site.Fetch.Mode = FetchMode.Browser;
        var html = """
            <html><body><div id=app></div>
            <template data-adwatch-capture="list" data-url="http://127.0.0.1:5000/api/ads?page=1">{"ads":[{"id":"1"},{"id":"2"}]}</template>
            <template data-adwatch-capture="list" data-url="http://127.0.0.1:5000/api/ads?page=2">{"ads":[{"id":"2"},{"id":"3"}]}</template>
            <template data-adwatch-capture="other" data-url="http://127.0.0.1:5000/api/x">{"ads":[{"id":"9"}]}</template>
            </body></html>
            """;

        var listing = PageReader.ReadListing(PageContent.Of(HtmlParse.Document(html)), new Uri("http://127.0.0.1:5000/"), site, 1);

        listing.AdUrls.Select(u => u.AbsolutePath).ShouldBe(["/ad/1", "/ad/2", "/ad/3"]);
    }

    [Fact]
    public void ReadListing_InHttpMode_IgnoresCaptureTemplatesInTheSitesMarkup()
    {
        var site = Site(new JsonListingRule { Items = "$.ads[*]", UrlTemplate = "/ad/{id}", Id = "$.id" });
        var html = """<template data-adwatch-capture="list">{"ads":[{"id":"1"}]}</template>""";

        PageReader.ReadListing(PageContent.Of(HtmlParse.Document(html)), PageUrl, site, 1).AdUrls.ShouldBeEmpty();
    }

    private static PageContent Json(string json) => PageContent.From(Encoding.UTF8.GetBytes(json), "application/json");

    private static SiteDefinition Site(JsonListingRule json) => new()
    {
        Name = "t", BaseUrl = "http://127.0.0.1:5000/", Local = true,
        Listing = new ListingRule { StartUrls = ["/api/ads?page=1"], Json = json },
    };
}
