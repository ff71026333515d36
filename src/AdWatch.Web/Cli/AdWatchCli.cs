using System.CommandLine;

namespace AdWatch.Web.Cli;

/// <summary>The <c>adwatch</c> command line: one verb per file, global <c>--db</c>, <c>--config</c> and <c>--verbose</c>.</summary>
internal static class AdWatchCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var global = new GlobalOptions();
        var root = new RootCommand(
            "AdWatch finds recurring short-stay locations in online sex-work ads for the municipalities of Veluwe-West " +
            "and the police. Every lead is for human review only.")
        {
            global.Db,
            global.Config,
            global.Verbose,
        };

        var serve = ServeCommand.Create(global);
        root.Subcommands.Add(serve);
        root.Subcommands.Add(DemoCommand.Create(global));
        root.Subcommands.Add(CrawlCommand.Create(global));
        root.Subcommands.Add(ImportCommand.Create(global));
        root.Subcommands.Add(ExtractCommand.Create(global));
        root.Subcommands.Add(AnalyzeCommand.Create(global));
        root.Subcommands.Add(ExportCommand.Create(global));
        root.Subcommands.Add(ReportCommand.Create(global));
        root.Subcommands.Add(UsersCommand.Create(global));
        root.Subcommands.Add(PurgeCommand.Create(global));
        root.Subcommands.Add(PrivacyCommand.Create(global));
        // Bare `adwatch` (only global options) serves, like `adwatch serve`.
        CliAction.Set(root, (result, ct) => ServeCommand.RunAsync(global.Read(result), null, ct));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"adwatch: {error.Message}");
            }
            await Console.Error.WriteLineAsync();
            root.Parse([.. CliAction.CommandPath(parsed), "--help"]).Invoke(new InvocationConfiguration { Output = Console.Error });
            return ExitCodes.Usage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
