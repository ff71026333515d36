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
}
