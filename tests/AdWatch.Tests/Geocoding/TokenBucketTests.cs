using AdWatch.Geocoding;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Geocoding;

public sealed class TokenBucketTests
{
    [Fact]
    public async Task TakeAsync_WaitsForClock_WhenBurstIsUsedUp()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(perSecond: 2, burst: 2, time);
        await bucket.TakeAsync(TestContext.Current.CancellationToken);
        await bucket.TakeAsync(TestContext.Current.CancellationToken);

        var third = bucket.TakeAsync(TestContext.Current.CancellationToken);
        third.IsCompleted.ShouldBeFalse();

        time.Advance(TimeSpan.FromMilliseconds(499));
        third.IsCompleted.ShouldBeFalse();
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TakeAsync_RefillsOnlyUpToBurst_WhenIdleForLong()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(perSecond: 1, burst: 1, time);
        await bucket.TakeAsync(TestContext.Current.CancellationToken);

        time.Advance(TimeSpan.FromDays(1));
        await bucket.TakeAsync(TestContext.Current.CancellationToken);

        bucket.TakeAsync(TestContext.Current.CancellationToken).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task TakeAsync_Throws_WhenCancelledWhileWaiting()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(perSecond: 1, burst: 1, time);
        await bucket.TakeAsync(TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();

        var waiting = bucket.TakeAsync(cts.Token);
        await cts.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => waiting);
    }
}
