using System.CommandLine;

namespace AdWatch.Web.Cli;

/// <summary>Options every verb accepts: <c>--db PATH</c> and <c>--config PATH</c>.</summary>
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

    public AppSettings Read(ParseResult result) => new(result.GetValue(Db), result.GetValue(Config));
}

/// <summary>The global option values of one invocation.</summary>
internal sealed record AppSettings(string? DatabasePath, string? ConfigPath);
