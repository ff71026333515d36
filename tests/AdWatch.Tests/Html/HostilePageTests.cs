using AdWatch.Html;
using AngleSharp.Dom;

namespace AdWatch.Tests.Html;

/// <summary>Pages built to stall the parser are bounded before it: flattened or cut, and their text is still read.</summary>
public sealed class HostilePageTests
{
    [Fact]
    public void DeepNesting_IsFlattenedToTheCap_AndItsTextStillRead()
    {
        // About 400 KB: the page that took the crawler's parser about 79 s before the guard.
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 80_000)) + "Bel 06-12345678"
                   + string.Concat(Enumerable.Repeat("</div>", 80_000)) + "<p>einde</p></body></html>";

        var document = HtmlParse.Document(html);

        DepthBelow(document.Body!).ShouldBeLessThanOrEqualTo(HtmlGuard.MaxDepth);
        var text = HtmlText.OfPage(document, TextLayout.Reading);
        text.ShouldContain("Bel 06-12345678");
        text.ShouldEndWith("einde");
        HtmlText.OfPage(document, TextLayout.Fields).ShouldContain("Bel 06-12345678");
    }

    [Fact]
    public void HugeAttribute_IsDropped_AndTheElementKept()
    {
        var html = "<p>voor</p><div class=\"ad\" title=\"" + new string('x', 10 * 1024 * 1024) + "\">Bel 06-12345678</div>";

        var bounded = HtmlGuard.Bound(html);
        var document = HtmlParse.Document(html);

        bounded.Length.ShouldBeLessThan(1_000);
        document.QuerySelectorAll("div").Length.ShouldBe(1);
        document.QuerySelector("div")!.Attributes.Length.ShouldBe(0);
        HtmlText.OfPage(document, TextLayout.Reading).ShouldBe("voor\n\nBel 06-12345678");
    }

    [Fact]
    public void TenMegabytesOfLessThan_AreShortened()
    {
        var html = "<p>Bel 06-12345678</p>" + new string('<', 10 * 1024 * 1024) + "<p>einde</p>";

        var bounded = HtmlGuard.Bound(html);
        var text = HtmlText.OfPage(HtmlParse.Document(html), TextLayout.Reading);

        bounded.Length.ShouldBeLessThan(100);
        text.ShouldStartWith("Bel 06-12345678");
        text.ShouldEndWith("einde");
    }

    [Fact]
    public void InputPastTheSizeCap_IsCut()
    {
        var html = "<p>Bel 06-12345678</p><p>" + new string('x', HtmlGuard.MaxChars) + "</p>";

        HtmlGuard.Bound(html).Length.ShouldBe(HtmlGuard.MaxChars);
        HtmlText.OfPage(HtmlParse.Document(html), TextLayout.Reading).ShouldStartWith("Bel 06-12345678");
    }

    [Theory]
    [InlineData("<html><head><title>T</title></head><body><div class=\"a\"><p>Een <b>twee</b></p><ul><li>drie<li>vier</ul></div></body></html>")]
    [InlineData("<svg><path d=\"M0 0\"/><path/></svg><div>na</div>")]
    [InlineData("<script>if (a < b && c > d) {}</script><p title=\"a > b\">x</p><!-- <div> -->")]
    public void OrdinaryPages_PassUnchanged(string html)
    {
        HtmlGuard.Bound(html).ShouldBeSameAs(html);
    }

    [Fact]
    public void ManyListItemsAndSvgIcons_AreNotFlattened()
    {
        var items = string.Concat(Enumerable.Repeat("<li><svg><use href=\"#i\"/></svg>x", 2_000));
        var html = "<ul>" + items + "</ul><div id=\"last\">y</div>";

        HtmlGuard.Bound(html).ShouldBeSameAs(html);
    }

    private static int DepthBelow(IElement root)
    {
        var deepest = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }
        return deepest;
    }
}
