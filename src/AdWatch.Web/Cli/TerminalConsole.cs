using Spectre.Console;

namespace AdWatch.Web.Cli;

/// <summary>
/// The one Spectre.Console console per standard stream. Everything a verb writes to a terminal's stderr while a progress line
/// is live (the line itself, warnings) goes through <see cref="Error"/>: Spectre then writes each log line above the live line
/// instead of through it. Created on first use, so verbs that show neither progress nor logs do not load Spectre.
/// </summary>
internal static class TerminalConsole
{
    private static readonly Lazy<IAnsiConsole> ErrorConsole = new(() => Create(Console.Error));
    private static readonly Lazy<IAnsiConsole> OutConsole = new(() => Create(Console.Out));

    /// <summary>Standard error as a Spectre console; use only when <see cref="Console.IsErrorRedirected"/> is false.</summary>
    public static IAnsiConsole Error => ErrorConsole.Value;

    /// <summary>Standard output as a Spectre console; use only when <see cref="Console.IsOutputRedirected"/> is false.</summary>
    public static IAnsiConsole Out => OutConsole.Value;

    private static IAnsiConsole Create(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
    });
}
