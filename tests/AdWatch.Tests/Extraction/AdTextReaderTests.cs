using AdWatch.Extraction;

namespace AdWatch.Tests.Extraction;

public sealed class AdTextReaderTests
{
    private readonly AdTextReader _reader = new();

    [Theory]
    // HTML
    [InlineData("<html><body>hi</body></html>", true)]
    [InlineData("<!DOCTYPE html><p>hoi</p>", true)]
    [InlineData("Bel me <br> nu", true)]
    [InlineData("  <div class=\"ad\">x</div>", true)]
    // plain text, including text with angle brackets
    [InlineData("Bel me: 06-12345678", false)]
    [InlineData("prijs < 100 euro > niks", false)]
    [InlineData("<3 kusjes <3", false)]
    [InlineData("", false)]
    public void LooksLikeHtml_DetectsMarkup(string input, bool html)
    {
        AdTextReader.LooksLikeHtml(input).ShouldBe(html);
    }

    [Fact]
    public void ReadHtml_SkipsInvisibleContent()
    {
        var ad = _reader.ReadHtml("""
            <html><head><title>Sophie - Harderwijk</title><style>.x{content:"0611111111"}</style>
            <script>var tel = "0622222222";</script></head>
            <body><p>Hoi, ik ben Sophie</p>
            <noscript>0633333333</noscript><template>0644444444</template>
            <div hidden>0655555555</div><span style="display: none">0666666666</span>
            <span style="visibility:hidden">0677777777</span><div class="x d-none">0688888888</div>
            <input type="hidden" value="0699999999"><p>Bel 06-12345678</p></body></html>
            """);

        ad.Text.ShouldBe("Sophie - Harderwijk\n\nHoi, ik ben Sophie\n\nBel 06-12345678");
    }

    [Fact]
    public void ReadHtml_PutsBlocksOnOwnLines_AndKeepsBrAsSingleBreak()
    {
        var ad = _reader.ReadHtml("<div>Bel</div><div>06 1234<br>5678</div><ul><li>a</li><li>b</li></ul>");

        ad.Text.ShouldBe("Bel\n\n06 1234\n5678\n\na\n\nb");
    }

    [Fact]
    public void ReadHtml_CollectsPhoneLinksAndImages()
    {
        var ad = _reader.ReadHtml("""
            <meta property="og:image" content="https://img.test/og.jpg">
            <a href="tel:+31612345678">Bel</a> <a href=" https://wa.me/31612345678 ">App</a>
            <a href="https://api.whatsapp.com/send?phone=34612345678">WA</a> <a href="/profiel">x</a>
            <img src="/a.jpg"><img data-src="/b.jpg" src="data:image/gif;base64,R0l"><img srcset="/c.jpg 1x, /c2.jpg 2x"><img src="/a.jpg">
            """);

        ad.PhoneLinks.ShouldBe(["tel:+31612345678", "https://wa.me/31612345678", "https://api.whatsapp.com/send?phone=34612345678"]);
        ad.ImageUrls.ShouldBe(["https://img.test/og.jpg", "/a.jpg", "/b.jpg", "/c.jpg"]);
    }

    [Fact]
    public void ReadHtml_TakesTheNumberAShowNumberButtonCarries_InADataAttribute()
    {
        var ad = _reader.ReadHtml("""
            <button data-phone="06 1234 5678">Toon nummer</button> <a data-whatsapp-number="+34612345678">App</a>
            <div data-id="0612345678" data-telemetry="0687654321" data-number-of-photos="12">x</div>
            """);

        ad.PhoneLinks.ShouldBe(["tel:06 1234 5678", "tel:+34612345678"]);
        new PhoneExtractor().Extract(ad.Text, ad.PhoneLinks).Select(p => p.E164).ShouldBe(["+31612345678", "+34612345678"]);
    }

    [Fact]
    public void ReadHtml_ReadsAWhatsAppAttribute_AsWaMeDoes()
    {
        var ad = _reader.ReadHtml("""<button data-wa="31612345678">WhatsApp</button> <span data-tel="06-12 34 56 78">Toon</span>""");

        ad.PhoneLinks.ShouldBe(["https://wa.me/31612345678", "tel:06-12 34 56 78"]);
        new PhoneExtractor().Extract(ad.Text, ad.PhoneLinks).Select(p => p.E164).ShouldBe(["+31612345678"]);
    }

    [Fact]
    public void Read_KeepsPlainTextAsIs()
    {
        var ad = _reader.Read("Bel 06-12345678\nHarderwijk");

        ad.ShouldBe(AdText.Plain("Bel 06-12345678\nHarderwijk"), new AdTextComparer());
    }

    [Fact]
    public void ReadHtml_DoesNotThrow_OnDeepNestingAndBrokenMarkup()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "06-12345678";
        var broken = "<p><b><i>06-</b>1234</i>5678<td><tr></table><<<>>>&#xFFFFFF;&bogus;<!-- unclosed";

        _reader.ReadHtml(deep).Text.ShouldContain("06-12345678");
        Should.NotThrow(() => _reader.ReadHtml(broken));
    }

    private sealed class AdTextComparer : IEqualityComparer<AdText>
    {
        public bool Equals(AdText? x, AdText? y) =>
            x is not null && y is not null && x.Text == y.Text && x.PhoneLinks.SequenceEqual(y.PhoneLinks) && x.ImageUrls.SequenceEqual(y.ImageUrls);

        public int GetHashCode(AdText obj) => obj.Text.GetHashCode(StringComparison.Ordinal);
    }
}
