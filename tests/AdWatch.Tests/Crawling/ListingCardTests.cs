using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Tests.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary>Listing cards and their hashes: what tells an unchanged ad from a changed one without fetching its page.</summary>
public sealed class ListingCardTests
{
    private static readonly Uri Page = new("http://127.0.0.1:5081/advertenties");

    private static string Card(string id, string title = "Luna nieuw", string city = "Harderwijk", string? thumb = "/img/luna-1.png", string extra = "") =>
        $"<li class=\"ad-card\"><a class=\"ad-link\" href=\"/advertentie/{id}\">"
        + (thumb is null ? "" : $"<img class=\"ad-thumb\" src=\"{thumb}\">")
        + $"<h2 class=\"ad-title\">{title}</h2></a><span class=\"ad-city\">{city}</span>{extra}<time class=\"ad-posted\">1 maart 2023</time></li>";

    private static IReadOnlyList<ListingCard> Read(string cards, bool withSelector = true)
    {
        var site = SiteDefinitionGoldenTests.Site("kontaktbord");
        if (!withSelector)
        {
            site.Listing.CardSelector = null;
        }
        var doc = HtmlParse.Document($"<html><body><header><a href=\"/\">Kontaktbord</a></header><main><ul class=\"ad-list\">{cards}</ul>"
            + "<nav>Pagina 1 van 1</nav></main></body></html>");
        return PageReader.ReadListing(doc, Page, site, 1).Cards;
    }

    private static string HashOf(IReadOnlyList<ListingCard> cards, string id) =>
        cards.Single(c => c.Url.AbsolutePath == "/advertentie/" + id).CardHash!;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CardHash_IsTheSame_WhenTheSameCardIsReadAgain(bool withSelector)
    {
        var first = Read(Card("a1") + Card("a2", "Bella"), withSelector);
        var again = Read(Card("a1") + Card("a2", "Bella"), withSelector);

        first.Select(c => c.CardHash).ShouldAllBe(h => h != null && h.Length == 64);
        again.Select(c => c.CardHash).ShouldBe(first.Select(c => c.CardHash));
        HashOf(first, "a1").ShouldNotBe(HashOf(first, "a2"));
    }

    [Fact]
    public void CardHash_LeavesOutWhatCardIgnoreMatches_AndStillSeesEveryOtherChange()
    {
        IReadOnlyList<ListingCard> ReadBumped(string bumped, string title = "Luna nieuw")
        {
            var site = SiteDefinitionGoldenTests.Site("kontaktbord");
            site.Listing.CardIgnore = "time.ad-bumped, .views";
            var card = Card("a1", title, extra: $"<time class=\"ad-bumped\">{bumped}</time><span class=\"views\">{bumped.Length * 7} keer bekeken</span>");
            var doc = HtmlParse.Document($"<html><body><main><ul class=\"ad-list\">{card}</ul></main></body></html>");
            return PageReader.ReadListing(doc, Page, site, 1).Cards;
        }

        var before = HashOf(ReadBumped("vandaag 09:00"), "a1");
        HashOf(ReadBumped("2 uur geleden"), "a1").ShouldBe(before);
        HashOf(ReadBumped("2 uur geleden", title: "Luna terug"), "a1").ShouldNotBe(before);
        // Without cardIgnore the bump time is part of the card.
        var plain = SiteDefinitionGoldenTests.Site("kontaktbord");
        string Plain(string bumped) => HashOf(PageReader.ReadListing(HtmlParse.Document(
            $"<html><body><main><ul class=\"ad-list\">{Card("a1", extra: $"<time class=\"ad-bumped\">{bumped}</time>")}</ul></main></body></html>"), Page, plain, 1).Cards, "a1");
        Plain("2 uur geleden").ShouldNotBe(Plain("vandaag 09:00"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CardHash_IsTheSame_WhenABumpOnlyReorders(bool withSelector)
    {
        var before = Read(Card("a1") + Card("a2", "Bella") + Card("a3", "Mia"), withSelector);
        var after = Read(Card("a3", "Mia") + Card("a1") + Card("a2", "Bella"), withSelector);

        foreach (var id in new[] { "a1", "a2", "a3" })
        {
            HashOf(after, id).ShouldBe(HashOf(before, id));
        }
        after.Select(c => c.Url.AbsolutePath).ShouldBe(["/advertentie/a3", "/advertentie/a1", "/advertentie/a2"]);
    }

    [Theory]
    [InlineData(true, "title")]
    [InlineData(true, "price")]
    [InlineData(true, "photo")]
    [InlineData(true, "no photo")]
    [InlineData(false, "title")]
    [InlineData(false, "price")]
    [InlineData(false, "photo")]
    [InlineData(false, "no photo")]
    public void CardHash_Changes_WhenTextPriceOrPhotoChanged(bool withSelector, string change)
    {
        var changed = change switch
        {
            "title" => Card("a1", "Luna laatste dagen"),
            "price" => Card("a1", extra: "<span class=\"price\">€ 150</span>"),
            "photo" => Card("a1", thumb: "/img/luna-2.png"),
            _ => Card("a1", thumb: null),
        };
        var before = Read(Card("a1", extra: change == "price" ? "<span class=\"price\">€ 120</span>" : "") + Card("a2", "Bella"), withSelector);
        var after = Read(changed + Card("a2", "Bella"), withSelector);

        HashOf(after, "a1").ShouldNotBe(HashOf(before, "a1"));
        HashOf(after, "a2").ShouldBe(HashOf(before, "a2"));
    }

    [Fact]
    public void Cards_FindTheWholeCard_WhenNoCardSelector()
    {
        // Without a selector the card is the largest ancestor linking to this ad only: the li, with its town, not the ul.
        var withSelector = Read(Card("a1") + Card("a2", "Bella"));
        var heuristic = Read(Card("a1") + Card("a2", "Bella"), withSelector: false);
        heuristic.Select(c => c.CardHash).ShouldBe(withSelector.Select(c => c.CardHash));

        var townChanged = Read(Card("a1", city: "Ermelo") + Card("a2", "Bella"), withSelector: false);
        HashOf(townChanged, "a1").ShouldNotBe(HashOf(heuristic, "a1"));
    }

    [Fact]
    public void Cards_HaveNoHash_WhenTheCardSelectorMatchesNothing()
    {
        var site = SiteDefinitionGoldenTests.Site("kontaktbord");
        site.Listing.CardSelector = "div.nothing-here";
        var doc = HtmlParse.Document("<ul class=\"ad-list\">" + Card("a1") + "</ul>");

        var card = PageReader.ReadListing(doc, Page, site, 1).Cards.ShouldHaveSingleItem();

        card.CardHash.ShouldBeNull(); // unknown card: the ad page is fetched
        card.Url.AbsoluteUri.ShouldBe("http://127.0.0.1:5081/advertentie/a1");
    }

    [Fact]
    public void Cards_AreOnePerAd_WhenTheCardLinksTheAdTwice()
    {
        var twice = "<li class=\"ad-card\"><a class=\"ad-link\" href=\"/advertentie/a1\"><img src=\"/img/x.png\"></a>"
            + "<a class=\"ad-link\" href=\"/advertentie/a1\">Luna</a></li>";
        var cards = Read(twice + Card("a2", "Bella"), withSelector: false);

        cards.Select(c => c.Url.AbsolutePath).ShouldBe(["/advertentie/a1", "/advertentie/a2"]);
        HashOf(cards, "a1").ShouldBe(HashOf(Read(twice + Card("a2", "Bella")), "a1"));
    }

    [Fact]
    public void CardHashOf_DependsOnTextAndImagesOnly()
    {
        CardHash.Of("Luna  nieuw\n", ["http://x/1.png"]).ShouldBe(CardHash.Of("Luna nieuw", ["http://x/1.png"]));
        CardHash.Of("Luna nieuw", ["http://x/1.png"]).ShouldNotBe(CardHash.Of("Luna nieuw", ["http://x/2.png"]));
        CardHash.Of("Luna nieuw", ["http://x/1.png"]).ShouldNotBe(CardHash.Of("Luna nieuw\nhttp://x/1.png", []));
        CardHash.Of("Luna nieuw", ["http://x/1.png", "http://x/2.png"]).ShouldNotBe(CardHash.Of("Luna nieuw", ["http://x/2.png", "http://x/1.png"]));
    }
}
