using AdWatch.Crawling;

namespace AdWatch.Tests.Crawling;

public sealed class RobotsTxtTests
{
    private const string Demo = """
        # Demo site: synthetic content only.
        User-agent: *
        Crawl-delay: 1
        Disallow: /prive/
        Allow: /prive/publiek$
        Disallow: /*.pdf$

        User-agent: BadBot
        Disallow: /

        User-agent: AdWatch
        User-agent: OtherBot
        Disallow: /alleen-adwatch-niet/
        """;

    [Theory]
    // our own group wins over *
    [InlineData("AdWatch", "/advertenties", true)]
    [InlineData("AdWatch", "/alleen-adwatch-niet/x", false)]
    [InlineData("AdWatch", "/prive/beheer", true)]
    // the * group
    [InlineData("SomeBot", "/prive/beheer", false)]
    [InlineData("SomeBot", "/prive/", false)]
    [InlineData("SomeBot", "/prive/publiek", true)]
    [InlineData("SomeBot", "/prive/publiek/meer", false)]
    [InlineData("SomeBot", "/docs/a.pdf", false)]
    [InlineData("SomeBot", "/docs/a.pdf?x=1", true)]
    [InlineData("SomeBot", "/advertentie/a1", true)]
    // must not match: case and prefixes elsewhere in the path
    [InlineData("SomeBot", "/PRIVE/beheer", true)]
    [InlineData("SomeBot", "/x/prive/", true)]
    [InlineData("BadBot", "/anything", false)]
    public void IsAllowed_FollowsLongestMatch(string agent, string path, bool allowed) =>
        RobotsTxt.Parse(Demo, agent).IsAllowed(new Uri("http://127.0.0.1" + path)).ShouldBe(allowed);

    [Theory]
    [InlineData("")]
    [InlineData("garbage without colons\n\0\u202e")]
    [InlineData("Disallow: /before-any-agent")]
    public void Parse_AllowsEverything_WhenFileEmptyOrJunk(string text) =>
        RobotsTxt.Parse(text, "AdWatch").IsAllowed(new Uri("http://127.0.0.1/before-any-agent")).ShouldBeTrue();

    [Theory]
    [InlineData("SomeBot", 1.0)]
    [InlineData("AdWatch", null)]
    public void Parse_ReadsCrawlDelayOfChosenGroup(string agent, double? seconds) =>
        RobotsTxt.Parse(Demo, agent).CrawlDelay.ShouldBe(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value));

    [Fact]
    public void DisallowAll_BlocksEveryPath() => RobotsTxt.DisallowAll.IsAllowed(new Uri("http://127.0.0.1/")).ShouldBeFalse();

    // RFC 9309 section 5.1
    private const string Rfc51 = """
        User-Agent: *
        Disallow: *.gif$
        Disallow: /example/
        Allow: /publications/

        User-Agent: foobot
        Disallow:/
        Allow:/example/page.html
        Allow:/example/allowed.gif

        User-Agent: barbot
        User-Agent: bazbot
        Disallow: /example/page.html

        User-Agent: quxbot

        """;

    [Theory]
    [InlineData("foobot", "/example/page.html", true)]
    [InlineData("foobot", "/example/allowed.gif", true)]
    [InlineData("foobot", "/example/other.html", false)]
    [InlineData("foobot", "/", false)]
    [InlineData("barbot", "/example/page.html", false)]
    [InlineData("bazbot", "/example/page.html", false)]
    [InlineData("barbot", "/example/disallowed.gif", true)]
    [InlineData("quxbot", "/example/page.html", true)]
    [InlineData("quxbot", "/a.gif", true)]
    [InlineData("otherbot", "/a.gif", false)]
    [InlineData("otherbot", "/example/x", false)]
    [InlineData("otherbot", "/publications/x", true)]
    [InlineData("otherbot", "/a.gif.html", true)]
    public void IsAllowed_Rfc9309Section51Example(string agent, string path, bool allowed) =>
        RobotsTxt.Parse(Rfc51, agent).IsAllowed(new Uri("http://127.0.0.1" + path)).ShouldBe(allowed);

    [Theory]
    [InlineData("/example/page/", true)]
    [InlineData("/example/page/disallowed.gif", false)]
    [InlineData("/example/page/other.gif", true)]
    public void IsAllowed_Rfc9309Section52LongestMatch(string path, bool allowed) =>
        RobotsTxt.Parse("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n", "foobot")
            .IsAllowed(new Uri("http://127.0.0.1" + path)).ShouldBe(allowed);

    [Fact]
    public void IsAllowed_AllowWinsATieOfEqualLength() =>
        RobotsTxt.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "AdWatch").IsAllowed(new Uri("http://127.0.0.1/page")).ShouldBeTrue();

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Parse_ReadsEveryLineEnding(string end) =>
        RobotsTxt.Parse($"User-agent: *{end}Disallow: /a{end}Disallow: /b{end}", "AdWatch").IsAllowed(new Uri("http://127.0.0.1/b")).ShouldBeFalse();

    [Fact]
    public void Parse_IgnoresAByteOrderMarkBeforeTheFirstLine()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /\n")).ToArray();
        RobotsTxt.Parse(body, "AdWatch").IsAllowed(new Uri("http://127.0.0.1/x")).ShouldBeFalse();
        RobotsTxt.Parse("\uFEFFUser-agent: *\nDisallow: /\n", "AdWatch").IsAllowed(new Uri("http://127.0.0.1/x")).ShouldBeFalse();
    }

    [Theory]
    // RFC 9309 section 2.2.2: compare percent-decoded printable ASCII, percent-encoded (upper case) everything else
    [InlineData("/%7Ejoe", "/~joe", false)]
    [InlineData("/~joe", "/%7ejoe", false)]
    [InlineData("/foo/bar/%62%61%7A", "/foo/bar/baz", false)]
    [InlineData("/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https%3A%2F%2Ffoo.bar", false)]
    [InlineData("/foo/bar/\u30C4", "/foo/bar/%E3%83%84", false)]
    [InlineData("/foo/bar/%e3%83%84", "/foo/bar/\u30C4", false)]
    [InlineData("/%2A", "/*", false)]
    [InlineData("/%2A", "/x", true)]
    [InlineData("/a%24", "/a$b", false)]
    [InlineData("/%7Ejoe", "/~jo", true)]
    public void IsAllowed_ComparesPercentEncodingNormalised(string rule, string path, bool allowed) =>
        RobotsTxt.Parse($"User-agent: *\nDisallow: {rule}\n", "AdWatch").IsAllowed(new Uri("http://127.0.0.1" + path)).ShouldBe(allowed);

    [Theory]
    [InlineData("adwatch", "AdWatch/1.0 (+https://example.org)", false)]
    [InlineData("ADWATCH", "AdWatch", false)]
    [InlineData("AdWatch/2.0", "AdWatch", false)]
    [InlineData("adw", "AdWatch", true)]
    [InlineData("AdWatcher", "AdWatch", true)]
    public void Parse_MatchesTheWholeProductTokenCaseInsensitively_APrefixGroupDoesNotApply_Rfc9309Section221(
        string groupAgent, string productToken, bool allowed) =>
        RobotsTxt.Parse($"User-agent: {groupAgent}\nDisallow: /\n", productToken).IsAllowed(new Uri("http://127.0.0.1/x")).ShouldBe(allowed);

    [Fact]
    public void Parse_MergesEveryGroupForTheSameAgent() =>
        RobotsTxt.Parse("User-agent: adwatch\nDisallow: /a\n\nUser-agent: other\nDisallow: /o\n\nUser-agent: AdWatch\nDisallow: /b\n", "AdWatch")
            .IsAllowed(new Uri("http://127.0.0.1/a")).ShouldBeFalse();

    [Fact]
    public void Parse_ReadsAtLeast500KiB()
    {
        var filler = string.Concat(Enumerable.Repeat("# padding line that says nothing at all\n", 12_000));
        filler.Length.ShouldBeLessThan(500 * 1024);
        RobotsTxt.Parse($"User-agent: *\n{filler}Disallow: /late\n", "AdWatch").IsAllowed(new Uri("http://127.0.0.1/late")).ShouldBeFalse();
    }

    [Fact]
    public void Parse_StopsAfter500KiB()
    {
        var body = System.Text.Encoding.UTF8.GetBytes("User-agent: *\n" + new string('#', 600 * 1024) + "\nDisallow: /late\n");
        RobotsTxt.Parse(body, "AdWatch").IsAllowed(new Uri("http://127.0.0.1/late")).ShouldBeTrue();
    }

    [Fact]
    public void IsAllowed_ManyWildcardsStayFast()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /" + string.Concat(Enumerable.Repeat("*a", 200)) + "b$\n", "AdWatch");
        var started = System.Diagnostics.Stopwatch.StartNew();
        robots.IsAllowed(new Uri("http://127.0.0.1/" + new string('a', 2000))).ShouldBeTrue();
        // A backtracking matcher does not finish on this pattern in any useful time; a linear one takes microseconds. 5 s leaves room for a loaded machine.
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
