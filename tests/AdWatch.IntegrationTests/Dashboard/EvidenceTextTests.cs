using AdWatch.Web.Display;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Stored pages become plain text: readable words stay, everything that could run or restyle is dropped.</summary>
public sealed class EvidenceTextTests
{
    private static string Text(string html, string? type = "text/html") => EvidenceText.FromBytes(System.Text.Encoding.UTF8.GetBytes(html), type);

    [Theory]
    // keeps the readable text, whitespace collapsed
    [InlineData("<html><head><title>Luna</title></head><body><h1>Nieuw</h1>\n\n<p>Bel   me</p></body></html>", "Luna Nieuw Bel me")]
    [InlineData("<p>Hoi &amp; welkom</p>", "Hoi & welkom")]
    [InlineData("<div>onafgesloten <b>markup", "onafgesloten markup")]
    // must not keep: scripts, styles, templates, frames, svg
    [InlineData("<p>a</p><script>window.__pwned=1</script><p>b</p>", "a b")]
    [InlineData("<style>body{display:none}</style><p>zichtbaar</p>", "zichtbaar")]
    [InlineData("<template><img src=x onerror=alert(1)></template>ok", "ok")]
    [InlineData("<iframe src=\"javascript:alert(1)\">x</iframe><svg><script>alert(1)</script></svg>rest", "rest")]
    public void FromBytes_KeepsText_AndDropsActiveContent(string html, string expected)
    {
        Text(html).ShouldBe(expected);
    }

    [Fact]
    public void FromBytes_KeepsMarkupAsText_InPlainTextAndCutsHugeInput()
    {
        Text("<b>geen html</b>  maar tekst", "text/plain").ShouldBe("geen html maar tekst");
        var huge = Text("<p>" + new string('x', 100_000) + "</p>");
        huge.Length.ShouldBe(EvidenceText.MaxChars + 2);
        huge.ShouldEndWith(" …");
        Text("").ShouldBe("");
        Text("\u0000\uFFFD<p>\u202Eomgekeerd</p>").ShouldContain("omgekeerd");
    }
}
