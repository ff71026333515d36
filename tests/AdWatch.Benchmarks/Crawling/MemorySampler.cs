using System.Diagnostics;

namespace AdWatch.Benchmarks.Crawling;

/// <summary>Samples the managed heap and Chromium's resident memory every 100 ms while a benchmark runs.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler() => _loop = Task.Run(LoopAsync);

    public long PeakHeap { get; private set; }

    public long PeakChromium { get; private set; }

    public void Stop()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException)
        {
            // cancelled
        }
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
            long chromium = 0;
            foreach (var p in Process.GetProcessesByName("chromium").Concat(Process.GetProcessesByName("chrome")))
            {
                try
                {
                    chromium += p.WorkingSet64;
                }
                catch (InvalidOperationException)
                {
                    // exited meanwhile
                }
                p.Dispose();
            }
            PeakChromium = Math.Max(PeakChromium, chromium);
            await Task.Delay(100, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
