namespace AdWatch.IntegrationTests.Jobs;

/// <summary>
/// A Hangfire log provider that logs nothing. Hangfire's provider is process-wide: a test that makes Hangfire objects outside
/// an app sets this first, or it may get a logger factory another test's app has disposed.
/// </summary>
internal sealed class SilentLogProvider : Hangfire.Logging.ILogProvider
{
    public Hangfire.Logging.ILog GetLogger(string name) => new Silent();

    private sealed class Silent : Hangfire.Logging.ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
