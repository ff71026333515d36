using AdWatch.Crawling;
using AdWatch.Sites;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Crawling;

public sealed class HostThrottleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly PolitenessRule Polite = new() { DelayMs = 1000, ConcurrencyPerHost = 1 };

    [Theory]
    [InlineData("http://127.0.0.1:5081/a", "127.0.0.1:5081")]
    [InlineData("https://example.nl/", "example.nl")]
    [InlineData("http://example.nl:80/x", "example.nl")]
    [InlineData("https://example.nl:8443/", "example.nl:8443")]
    [InlineData("https://bücher.example/", "xn--bcher-kva.example")]
    public void KeyOf_IsTheHostWithItsPortUnlessDefault(string url, string key) => HostThrottle.KeyOf(new Uri(url)).ShouldBe(key);

    [Fact]
    public async Task TwoServersOnOneAddress_DoNotWaitForEachOther_ButOneServerStillTakesTurns()
    {
        var time = new FakeTimeProvider();
        var throttle = new HostThrottle(time);
        var a = HostThrottle.KeyOf(new Uri("http://127.0.0.1:5081/"));
        var b = HostThrottle.KeyOf(new Uri("http://127.0.0.1:5082/"));

        using var first = await throttle.WaitTurnAsync(a, Polite, Ct);
        var other = throttle.WaitTurnAsync(b, Polite, Ct);
        var same = throttle.WaitTurnAsync(a, Polite, Ct);

        other.IsCompleted.ShouldBeTrue();
        (await other).Dispose();
        same.IsCompleted.ShouldBeFalse();
        first.Dispose();
        time.Advance(TimeSpan.FromMilliseconds(1000));
        (await same).Dispose();
    }

    private static async Task<HostThrottle> WithOneRequestAsync(FakeTimeProvider time)
    {
        var throttle = new HostThrottle(time);
        using (await throttle.WaitTurnAsync("h", Polite, Ct))
        {
        }
        return throttle;
    }

    [Fact]
    public async Task Observe_RaisesDelay_WhenSlowError()
    {
        var throttle = await WithOneRequestAsync(new FakeTimeProvider());
        throttle.Observe("h", Polite, TimeSpan.FromSeconds(5), ok: false);
        throttle.CurrentDelayMs("h").ShouldBe(5000);
    }

    [Fact]
    public async Task Observe_NeverLowersDelay_WhenFastError()
    {
        var throttle = await WithOneRequestAsync(new FakeTimeProvider());
        throttle.Observe("h", Polite, TimeSpan.FromSeconds(5), ok: false);
        throttle.Observe("h", Polite, TimeSpan.FromMilliseconds(10), ok: false);
        throttle.CurrentDelayMs("h").ShouldBe(5000);
    }

    [Fact]
    public async Task Observe_LowersDelayTowardsFloor_WhenFastSuccess()
    {
        var throttle = await WithOneRequestAsync(new FakeTimeProvider());
        throttle.Observe("h", Polite, TimeSpan.FromSeconds(5), ok: false);
        throttle.Observe("h", Polite, TimeSpan.FromMilliseconds(10), ok: true);
        throttle.CurrentDelayMs("h").ShouldBe(2505, tolerance: 1);
        for (var i = 0; i < 20; i++)
        {
            throttle.Observe("h", Polite, TimeSpan.FromMilliseconds(10), ok: true);
        }
        throttle.CurrentDelayMs("h").ShouldBe(1000); // the configured delay is a floor
    }

    [Fact]
    public async Task RaiseFloor_KeepsDelayAtCrawlDelay_AndIsIgnoredWhenPolitenessOff()
    {
        var throttle = await WithOneRequestAsync(new FakeTimeProvider());
        throttle.RaiseFloor("h", Polite, TimeSpan.FromSeconds(3));
        for (var i = 0; i < 10; i++)
        {
            throttle.Observe("h", Polite, TimeSpan.FromMilliseconds(5), ok: true);
        }
        throttle.CurrentDelayMs("h").ShouldBe(3000);
        throttle.RaiseFloor("off", new PolitenessRule { DelayMs = 0 }, TimeSpan.FromSeconds(3));
        throttle.CurrentDelayMs("off").ShouldBe(0);
    }

    [Fact]
    public async Task WaitTurnAsync_WaitsForRetryAfter_WhenHostBlocked()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var throttle = new HostThrottle(time);
        var off = new PolitenessRule { DelayMs = 0 };
        throttle.BlockUntil("h", off, time.GetUtcNow().AddSeconds(30));

        var turn = throttle.WaitTurnAsync("h", off, Ct);
        await Task.Delay(50, Ct);
        turn.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromSeconds(31));
        (await turn.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
    }

    [Fact]
    public async Task WaitTurnAsync_LimitsConcurrencyPerHost()
    {
        var throttle = new HostThrottle(new FakeTimeProvider());
        var one = new PolitenessRule { DelayMs = 0, ConcurrencyPerHost = 1 };
        var first = await throttle.WaitTurnAsync("h", one, Ct);
        var second = throttle.WaitTurnAsync("h", one, Ct);
        var otherHost = await throttle.WaitTurnAsync("other", one, Ct);
        await Task.Delay(50, Ct);
        second.IsCompleted.ShouldBeFalse();
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5), Ct)).Dispose();
        otherHost.Dispose();
    }
}
