using AdWatch.Web.Cli;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Logging.Console;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Where logs go and how many. On a terminal the screen is the user's: warnings and errors only (Information too with
/// <c>--verbose</c>), written through the progress line's console so that no log line chops it. Redirected, stderr carries
/// JSON lines: <c>serve</c> and <c>demo</c> keep Information, which operators collect from containers and systemd; the other
/// verbs only Warning and up, so scripts see a quiet stderr. Logs go to stderr so verbs that print JSON keep stdout clean.
/// </summary>
internal static class ConsoleLogging
{
    /// <summary>
    /// The levels are the lowest-precedence configuration source, so an explicit <c>Logging:LogLevel</c> in adwatch.json or
    /// the environment still wins over them, and over <c>--verbose</c>.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, AppSettings settings, bool service)
    {
        var terminal = !Console.IsErrorRedirected;
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels(settings.Verbose || (service && !terminal)) });
        builder.Logging.ClearProviders();
        if (terminal)
        {
            builder.Logging.AddProvider(new TerminalLoggerProvider(settings.Verbose));
            return;
        }
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    /// <summary>The default levels: Warning, or Information when informational logs are wanted; chatty libraries stay at Warning.</summary>
    internal static Dictionary<string, string?> Levels(bool information) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Logging:LogLevel:Default"] = information ? "Information" : "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
    };
}
