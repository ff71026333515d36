using System.Text;
using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Tests.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary>Ad pages are hostile input: broken markup, huge inputs and odd Unicode never throw.</summary>
public sealed class PageReaderHostileInputTests
{
    public static TheoryData<string> Pages => new()
    {
        "",
        "<",
        "<article class=\"ad-detail\"><h1 class=\"ad-title\">\u202eevil\u0000 title",
        "<html><body>" + new string('<', 100_000),
        string.Concat(Enumerable.Repeat("<div>", 20_000)) + "deep",
        "<a href=\"javascript:alert(1)\" class=\"ad-link\">x</a><a class=\"ad-link\" href=\"http://[::1\">y</a><a class=\"ad-link\" href=\"//evil.example.org/advertentie/1\">z</a>",
        "<img class=\"ad-photo\" src=\"data:image/png;base64,AAAA\"><time class=\"ad-posted\" datetime=\"\ud800\">",
        "\uFEFF<meta charset=\"x-unknown\"><h1>😀👩‍👩‍👧 Ünïcödé</h1>",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void ReadAdAndListing_NeverThrow_OnHostileHtml(string html)
    {
        var site = SiteDefinitionGoldenTests.Site("kontaktbord");
        var doc = HtmlParse.Document(Encoding.UTF8.GetBytes(html), "text/html; charset=bogus");
        var url = new Uri("http://127.0.0.1:5081/advertentie/a1");

        var ad = PageReader.ReadAd(doc, url, site);
        var listing = PageReader.ReadListing(doc, url, site, 1);

        ad.ExternalId.ShouldBe("a1");
        listing.AdUrls.ShouldAllBe(u => u.Host == "127.0.0.1");
    }

    [Fact]
    public void ReadAd_UsesGenericReading_WhenNoFieldSelectors()
    {
        var site = AdWatch.Sites.SiteDefinition.Generic("forum");
        var doc = HtmlParse.Document("<html><head><title>T</title><script>var x=1</script></head><body><h1>Kop</h1><p>Een</p><p>Twee</p></body></html>");
        var ad = PageReader.ReadAd(doc, new Uri("https://forum.example.org/t/1"), site);
        ad.Fields.Title.ShouldBe("Kop");
        ad.Fields.Text.ShouldBe("Kop\nEen\nTwee");
        ad.ExternalId.ShouldBe("/t/1");
    }
}
