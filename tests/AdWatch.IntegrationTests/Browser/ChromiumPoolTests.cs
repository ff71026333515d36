using AdWatch.Browser;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Browser;

/// <summary>The one Chromium: shared by concurrent users, replaced on retire without closing it under a user, never left open.</summary>
public sealed class ChromiumPoolTests
{
    [Fact]
    public async Task TwoLeases_ShareOneBrowser()
    {
        await using var pool = NewPool();

        await using var crawl = await pool.LeaseAsync(CancellationToken.None);
        await using var pdf = await pool.LeaseAsync(CancellationToken.None);

        pdf.Browser.ShouldBeSameAs(crawl.Browser);
        pool.OpenBrowsers.ShouldBe(1);
    }

    [Fact]
    public async Task Retire_StartsAFreshBrowserForNewLeases_AndKeepsTheOldOneForItsHolder()
    {
        await using var pool = NewPool();
        var crawl = await pool.LeaseAsync(CancellationToken.None);
        var pdf = await pool.LeaseAsync(CancellationToken.None);
        var old = crawl.Browser;

        crawl.Retire();
        await crawl.DisposeAsync();
        await using var next = await pool.LeaseAsync(CancellationToken.None);

        next.Browser.ShouldNotBeSameAs(old);
        old.IsConnected.ShouldBeTrue(); // the PDF printer still holds it
        await using (var context = await pdf.Browser.NewContextAsync())
        {
            (await context.NewPageAsync()).ShouldNotBeNull();
        }
        await pdf.DisposeAsync();
        old.IsConnected.ShouldBeFalse();
        pool.OpenBrowsers.ShouldBe(1);
    }

    [Fact]
    public async Task Dispose_ClosesEveryBrowser()
    {
        var pool = NewPool();
        var lease = await pool.LeaseAsync(CancellationToken.None);
        var browser = lease.Browser;

        await pool.DisposeAsync();

        browser.IsConnected.ShouldBeFalse();
        pool.OpenBrowsers.ShouldBe(0);
    }

    [Fact]
    public void Unavailable_NamesTheSetting_WhenTheConfiguredChromiumIsMissing()
    {
        var pool = new ChromiumPool(Options.Create(new BrowserOptions { ChromiumPath = "/nonexistent/chromium" }), NullLogger<ChromiumPool>.Instance);

        pool.Unavailable().ShouldBe("Browser:ChromiumPath '/nonexistent/chromium' does not exist.");
    }

    private static ChromiumPool NewPool()
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip($"needs Chromium at {BrowserLocator.DebianChromium} (apt-get install chromium); .ci/run installs it.");
        }
        return new ChromiumPool(Options.Create(new BrowserOptions()), NullLogger<ChromiumPool>.Instance);
    }
}
