using AdWatch.Crawling;
using AdWatch.Html;
using AdWatch.Sites;

namespace AdWatch.Tests.Crawling;

/// <summary><c>label:</c> reads the value after a label in every markup sites use, and nothing where there is no such label.</summary>
public sealed class LabelReaderTests
{
    public static TheoryData<string> Markups => new()
    {
        "<dl><dt>Leeftijd</dt><dd>25</dd><dt>Plaats</dt><dd>Harderwijk</dd></dl>",
        "<dl><dt>Plaats:</dt>\n  <dd> Harderwijk </dd></dl>",
        "<ul><li><b>Leeftijd:</b> 25</li><li><b>Plaats:</b> Harderwijk</li></ul>",
        "<ul><li><strong>plaats</strong>: Harderwijk</li></ul>",
        "<table><tr><th>Leeftijd</th><td>25</td></tr><tr><th>Plaats</th><td>Harderwijk</td></tr></table>",
        "<table><tr><td>Plaats</td><td>Harderwijk</td></tr></table>",
        "<div><span class=k>Leeftijd</span><span class=v>25</span><span class=k>Plaats</span><span class=v>Harderwijk</span></div>",
        "<div class=row><div class=k><span>Plaats</span></div><div class=v>Harderwijk</div></div>",
        "<p>Leeftijd: 25<br>Plaats: Harderwijk<br>Tel: 06</p>",
        "<pre>Leeftijd: 25\nPlaats: Harderwijk\nTel: 06</pre>",
        "<p><b>Leeftijd:</b> 25<br><b>Plaats:</b> Harderwijk<br><b>Tel:</b> 06</p>",
        "<div><label>PLAATS</label> <em>Harderwijk</em></div>",
        "<section><h3>Plaats</h3><p>Harderwijk</p></section>",
        "<li>Plaats: Harderwijk</li>",
    };

    [Theory]
    [MemberData(nameof(Markups))]
    public void Label_ReadsTheValueAfterTheLabel(string html)
    {
        Read(html, "label:Plaats").ShouldBe("Harderwijk");
    }

    [Fact]
    public void Label_TriesEachListedLabel()
    {
        Read("<dl><dt>City</dt><dd>Ermelo</dd></dl>", "label:Plaats,Stad,City").ShouldBe("Ermelo");
    }

    [Theory]
    [InlineData("<dl><dt>Plaatsnaam</dt><dd>Harderwijk</dd></dl>")] // another label that starts like it
    [InlineData("<p>Wij komen naar elke plaats: bel!</p>")]            // the word in a sentence
    [InlineData("<dl><dt>Plaats</dt><dt>Leeftijd</dt><dd>25</dd></dl>")] // a label without value
    [InlineData("<script>var s = 'Plaats: Harderwijk';</script>")]      // not visible text
    [InlineData("")]
    public void Label_ReadsNothing_WhenThereIsNoSuchLabelWithAValue(string html)
    {
        Read(html, "label:Plaats").ShouldBeNull();
    }

    [Fact]
    public void Label_StaysFast_OnAHugeFlatPage()
    {
        var html = string.Concat(Enumerable.Repeat("<span>Plaats</span>", 50_000)) + "<dl><dt>Leeftijd</dt><dd>30</dd></dl>";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Read(html, "label:Leeftijd").ShouldBe("30");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20)); // a stall bound, not a benchmark: CI machines are shared
    }

    private static string? Read(string html, string selector) =>
        PageReader.Read(PageContent.Of(HtmlParse.Document("<html><body>" + html + "</body></html>")), selector);
}
