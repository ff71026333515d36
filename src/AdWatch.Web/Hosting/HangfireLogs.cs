using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Hangfire's loggers, from the host's logger factory, that survive the end of that host. Hangfire keeps its log provider
/// in a static, and <c>AddHangfire</c> points it at the logger factory of the host that configured Hangfire last; a job
/// created after that host stopped (while another host in the same process runs on, as the apps of a test run do)
/// asked a disposed factory for a logger, and the enqueue failed with <see cref="ObjectDisposedException"/> —
/// the analyst's "mark phone" answered 500. A logger asked for then logs nothing instead.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        // Hangfire asks with a null message whether a level is enabled: no level is.
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
