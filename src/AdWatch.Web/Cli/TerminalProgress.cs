namespace AdWatch.Web.Cli;

/// <summary>
/// Progress of a long-running verb on standard error. On a terminal, one live line drawn by Spectre.Console
/// (<see cref="LiveProgress"/>) that log lines pass above, never through; otherwise plain lines at most every
/// <see cref="PlainInterval"/>, so logs and CI output stay readable. Dispose it on every path: it restores the cursor.
/// </summary>
internal sealed class TerminalProgress : IDisposable
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);

    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly LiveProgress? _live;
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public TerminalProgress(string label, TimeProvider time)
    {
        (_label, _time) = (label, time);
        _live = Console.IsErrorRedirected ? null : LiveProgress.Start(label);
    }

    /// <summary>The current status; <paramref name="fraction"/> (0–1) fills the bar when the total is known.</summary>
    public void Report(string status, double? fraction = null)
    {
        if (_live is not null)
        {
            _live.Report(status, fraction);
            return;
        }
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now - _last < PlainInterval)
            {
                return;
            }
            _last = now;
            Console.Error.WriteLine($"{_label}: {status}");
        }
    }

    /// <summary>
    /// Ends the progress with a final status that is always shown, as a line of its own; a bar that is not
    /// <paramref name="finished"/> (a failed run) is not shown full.
    /// </summary>
    public void Complete(string status, bool finished = true)
    {
        _live?.Complete(finished);
        Console.Error.WriteLine($"{_label}: {status}");
    }

    public void Dispose() => _live?.Dispose();
}
