using System.CommandLine;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Cli;

/// <summary>Runs a verb body and turns the errors a user can cause into one clear line and an exit code.</summary>
internal static class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (result, ct) => await RunAsync(command.Name, () => body(result, ct)));

    private static async Task<int> RunAsync(string verb, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (UserError e)
        {
            await Console.Error.WriteLineAsync($"adwatch {verb}: {e.Message}");
            return e.ExitCode;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"adwatch {verb}: invalid configuration: {string.Join(" ", e.Failures)}");
            return ExitCodes.Failure;
        }
        catch (InvalidDataException e) when (e.Source == "Microsoft.Extensions.Configuration.Json")
        {
            await Console.Error.WriteLineAsync($"adwatch {verb}: {e.Message} Fix the JSON syntax in that file.");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"adwatch {verb}: interrupted.");
            return ExitCodes.Interrupted;
        }
    }
}
