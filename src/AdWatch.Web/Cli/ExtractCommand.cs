using System.CommandLine;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch extract [--jsonl] [FILE|-]</c>: one ad in, one JSON object out; or a JSONL stream.</summary>
internal static class ExtractCommand
{
    public static Command Create(GlobalOptions global)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "Input lines {\"id\",\"text\"|\"html\"}, one JSON line out per input line" };
        var file = new Argument<string>("FILE") { Description = "Input file, or - for standard input (default)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "-" };
        var command = new Command("extract", "Extract phones, addresses and indicators from ad text or HTML") { jsonl, file };
        CliAction.Set(command, async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                throw new UserError($"file not found: {Path.GetFullPath(path)}", ExitCodes.Usage);
            }
            using var host = AppHost.BuildCommandHost(global.Read(r));
            using var input = path == "-" ? Console.In : new StreamReader(path);
            var runner = host.Services.GetRequiredService<ExtractRunner>();
            return await runner.RunAsync(input, Console.Out, Console.Error, r.GetValue(jsonl), ct);
        });
        return command;
    }
}
