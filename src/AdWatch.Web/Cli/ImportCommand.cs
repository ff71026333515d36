using System.CommandLine;
using AdWatch.Evidence;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch import FILE</c>: archived captures (.warc, .warc.gz, .jsonl) through the same pipeline as a crawl.</summary>
internal static class ImportCommand
{
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
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var result = await host.Services.GetRequiredService<AdImporter>().ImportAsync(path.FullName, ct);
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync($"{path.Name}: {problem}");
            }
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
            var extracted = await host.Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
            Console.WriteLine($"{extracted} new or changed ad versions extracted");
            return ExitCodes.Ok;
        });
        return command;
    }
}
