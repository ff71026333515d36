using System.CommandLine;

namespace AdWatch.Web.Cli;

/// <summary>Options every verb accepts: <c>--db PATH</c>, <c>--config PATH</c> and <c>--verbose</c>.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "SQLite database file (default: data/adwatch.db; created on first use)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: config/adwatch.json)",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Show informational logs too (on a terminal only warnings and errors are shown otherwise)",
        Recursive = true,
    };

    public AppSettings Read(ParseResult result) => new(result.GetValue(Db), result.GetValue(Config), result.GetValue(Verbose));
}

/// <summary>The global option values of one invocation.</summary>
internal sealed record AppSettings(string? DatabasePath, string? ConfigPath, bool Verbose = false);
