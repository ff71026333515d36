using AdWatch.Crawling;
using AdWatch.DemoSites.Faults;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>An ad site is not told it is being watched unless its definition says so (issue 16).</summary>
public sealed class UserAgentTests
{
    private static async Task<string> UserAgentSeenAsync(CrawlHarness h, string? siteUserAgent)
    {
        h.Host.Kontaktbord.Faults = DemoFaults.None;
        var site = h.Site("kontaktbord");
        site.Fetch.UserAgent = siteUserAgent;
        (await h.Http.FetchAsync(new FetchRequest(h.Host.Kontaktbord.Url("advertentie/a1"), site), TestContext.Current.CancellationToken)).Error.ShouldBeNull();
        return h.Host.Kontaktbord.Requests.Snapshot().Last(r => r.Path == "/advertentie/a1").Headers["User-Agent"];
    }

    [Fact]
    public async Task Fetch_SendsACommonBrowserUserAgent_ByDefault()
    {
        await using var h = await CrawlHarness.StartAsync();
        var agent = await UserAgentSeenAsync(h, null);
        agent.ShouldNotContain("AdWatch", Case.Insensitive);
        agent.ShouldBe(CrawlingOptions.BrowserUserAgent);
    }

    [Fact]
    public async Task Fetch_AnnouncesAdWatch_WhenTheSiteDefinitionSaysSo()
    {
        await using var h = await CrawlHarness.StartAsync();
        (await UserAgentSeenAsync(h, "AdWatch/1.0 (+gemeente)")).ShouldContain("AdWatch");
    }
}
