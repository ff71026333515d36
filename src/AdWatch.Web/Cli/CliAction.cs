using System.CommandLine;
using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Sites;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Cli;

/// <summary>Runs a verb body and turns the errors a user can cause into one clear line and an exit code.</summary>
internal static partial class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> body) =>
        command.SetAction(async (result, ct) => await RunAsync(string.Join(' ', ["adwatch", .. CommandPath(result)]), () => body(result, ct)));

    /// <summary>The verb path of a parse result, e.g. <c>users add</c>.</summary>
    public static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var path = new Stack<string>();
        for (var result = parsed.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            path.Push(result.Command.Name);
        }
        return path;
    }

    private static async Task<int> RunAsync(string verb, Func<Task<int>> body)
    {
        // Ctrl+C stops a verb gracefully (the web host's lifetime stops `serve`, the command line cancels the others), and the
        // verb then returns as if done; scripts must still see 130. Only noted here: the handlers that stop the work are theirs.
        var interrupted = false;
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGINT, _ => interrupted = true);
        try
        {
            var exit = await body();
            return interrupted ? ExitCodes.Interrupted : exit;
        }
        catch (UserError e)
        {
            await Console.Error.WriteLineAsync($"{verb}: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is SiteDefinitionException or IndicatorLexiconException or AnalysisConfigException or PrivacyInventoryException or ReferralsConfigException)
        {
            // Bad site YAML, indicator lexicon, analysis rules, privacy inventory or referrals: the message names file, line and field.
            await Console.Error.WriteLineAsync($"{verb}: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"{verb}: invalid configuration: {string.Join(" ", e.Failures)}");
            return ExitCodes.Failure;
        }
        catch (InvalidOperationException e) when (ConversionFailure().Match(e.Message) is { Success: true } m)
        {
            // A setting that does not fit its type ("AdDays": "lots"): the binder's message, without the stack trace.
            var key = m.Groups["key"].Value;
            await Console.Error.WriteLineAsync($"{verb}: invalid configuration: {key} must be {TypeName(m.Groups["type"].Value)}" +
                                               $" (in the configuration file or ADWATCH__{key.Replace(":", "__", StringComparison.Ordinal)}).");
            return ExitCodes.Failure;
        }
        catch (InvalidDataException e) when (e.Source == "Microsoft.Extensions.Configuration.Json")
        {
            await Console.Error.WriteLineAsync($"{verb}: {e.Message} Fix the JSON syntax in that file.");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"{verb}: interrupted.");
            return ExitCodes.Interrupted;
        }
    }

    private static string TypeName(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration (e.g. 00:05:00)",
        _ => $"a {type.Split('.')[^1]}",
    };

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex ConversionFailure();
}
