namespace AdWatch.Web.Cli;

/// <summary>
/// Progress of a long-running verb on standard error: one line redrawn in place on a terminal (at most 10 times a
/// second), plain lines at most every <see cref="PlainInterval"/> otherwise, so logs and CI output stay readable.
/// </summary>
internal sealed class TerminalProgress(string label, TimeProvider time)
{
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);

    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private int _width;

    public void Report(string status)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _last < (_terminal ? TerminalInterval : PlainInterval))
            {
                return;
            }
            _last = now;
            Write(status);
        }
    }

    /// <summary>Ends the progress line with a final status that is always shown.</summary>
    public void Complete(string status)
    {
        lock (_gate)
        {
            Write(status);
            if (_terminal)
            {
                Console.Error.WriteLine();
            }
        }
    }

    private void Write(string status)
    {
        var line = $"{label}: {status}";
        if (!_terminal)
        {
            Console.Error.WriteLine(line);
            return;
        }
        var max = Math.Max(20, SafeWindowWidth() - 1);
        if (line.Length > max)
        {
            line = line[..(max - 1)] + "…";
        }
        Console.Error.Write("\r" + line.PadRight(_width));
        _width = line.Length;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
