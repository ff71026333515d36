using System.CommandLine;
using AdWatch.Evidence;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary>
/// <c>adwatch import FILE</c>: archived captures (.warc, .warc.gz, .jsonl) through the same pipeline as a crawl. One line
/// per skipped line or record (at most <see cref="MaxProblemsShown"/>, then a count), escaped for the terminal; exit 1 when
/// nothing was imported.
/// </summary>
internal static class ImportCommand
{
    public const int MaxProblemsShown = 20;

    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<FileInfo>("FILE") { Description = ".warc, .warc.gz or .jsonl" };
        var command = new Command("import", "Import archived captures (.warc, .warc.gz, .jsonl); importing a file twice changes nothing") { file };
        CliAction.Set(command, async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UserError($"file not found: {path.FullName}", ExitCodes.Usage);
            }
            if (!(path.Name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.Name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
                || path.Name.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.Name.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase)))
            {
                throw new UserError($"{path.FullName}: expected a .jsonl, .warc or .warc.gz file.", ExitCodes.Usage);
            }
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var result = await host.Services.GetRequiredService<AdImporter>().ImportAsync(path.FullName, ct);
            foreach (var problem in result.Problems.Take(MaxProblemsShown))
            {
                await Console.Error.WriteLineAsync(TerminalText.Escape($"{path.Name}: {problem}"));
            }
            if (result.Skipped > MaxProblemsShown)
            {
                await Console.Error.WriteLineAsync(TerminalText.Escape($"{path.Name}: … and {result.Skipped - MaxProblemsShown} more skipped ({result.Skipped} of {result.Read} skipped in all)."));
            }
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result with { Problems = [.. result.Problems.Select(TerminalText.Escape)] }));
            if (result.Imported == 0)
            {
                throw new UserError($"{path.FullName}: nothing imported ({result.Skipped} of {result.Read} lines or records skipped); fix the file and import it again.");
            }
            var extracted = await host.Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
            Console.WriteLine($"{extracted} new or changed ad versions extracted");
            return ExitCodes.Ok;
        });
        return command;
    }
}
