using System.CommandLine;

namespace AdWatch.Web.Cli;

/// <summary>
/// A verb of the stable CLI contract whose feature lands in a later issue. It says so plainly and exits
/// <see cref="ExitCodes.NotAvailable"/>; it never prints fake output.
/// </summary>
internal static class NotAvailableCommand
{
    public static void Apply(Command command, string feature) => command.SetAction(async (_, _) =>
    {
        await Console.Error.WriteLineAsync($"adwatch {command.Name}: {feature} is not available in this version yet; nothing was done.");
        return ExitCodes.NotAvailable;
    });
}
