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
    public async Task Leases_AreCapped_AndAWaitingLeaseGetsTheSlotOfOneThatEnds()
    {
        await using var pool = NewPool(maxLeases: 2);
        var crawl = await pool.LeaseAsync(CancellationToken.None);
        await using var pdf = await pool.LeaseAsync(CancellationToken.None);
        pool.HeldLeases.ShouldBe(2);

        // A third user waits while two hold the browser: it is still waiting when it gives up.
        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Should.ThrowAsync<OperationCanceledException>(() => pool.LeaseAsync(giveUp.Token));
        }
        pool.HeldLeases.ShouldBe(2); // the one that gave up holds nothing

        var waiting = pool.LeaseAsync(TestContext.Current.CancellationToken);
        waiting.IsCompleted.ShouldBeFalse();
        crawl.Retire();
        await crawl.DisposeAsync();
        await using var third = await waiting;

        third.Browser.IsConnected.ShouldBeTrue();
        pool.HeldLeases.ShouldBe(2);
        pool.OpenBrowsers.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void MaxLeases_OutsideItsRange_IsAConfigurationError()
    {
        var result = new BrowserOptionsValidator().Validate(null, new BrowserOptions { MaxLeases = 0 });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Browser:MaxLeases must be between 1 and 64.");
    }

    [Fact]
    public void Unavailable_NamesTheSetting_WhenTheConfiguredChromiumIsMissing()
    {
        var pool = new ChromiumPool(Options.Create(new BrowserOptions { ChromiumPath = "/nonexistent/chromium" }), NullLogger<ChromiumPool>.Instance);

        pool.Unavailable().ShouldBe("Browser:ChromiumPath '/nonexistent/chromium' does not exist.");
    }

    private static ChromiumPool NewPool(int maxLeases = 4)
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip($"needs Chromium at {BrowserLocator.DebianChromium} (apt-get install chromium); .ci/run installs it.");
        }
        return new ChromiumPool(Options.Create(new BrowserOptions { MaxLeases = maxLeases }), NullLogger<ChromiumPool>.Instance);
    }
}
