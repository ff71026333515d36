using System.CommandLine;
using AdWatch.Evidence;
using AdWatch.Exports;
using AdWatch.Exports.Files;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch export warc [--site S] [--since T] FILE</c> and <c>adwatch export leads …</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("export", "Export evidence (WARC) or leads (ZGW, webhook, CSV/JSON)");

        var site = new Option<string?>("--site") { Description = "Only this site", HelpName = "S" };
        var since = CliTime.Option("--since", "Only captures from this time on");
        var file = new Argument<FileInfo>("FILE") { Description = "The .warc or .warc.gz file to write" };
        var warc = new Command("warc", "Write stored evidence as WARC 1.1 (response records; revisit records for unchanged pages)") { site, since, file };
        CliAction.Set(warc, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var target = r.GetValue(file)!;
            var result = await host.Services.GetRequiredService<WarcExporter>().ExportAsync(target.FullName, r.GetValue(site), r.GetValue(since), ct);
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
            return ExitCodes.Ok;
        });

        command.Subcommands.Add(warc);
        command.Subcommands.Add(Leads(global));
        return command;
    }

    /// <summary>
    /// <c>adwatch export leads --format csv|json [--since T] [--out FILE]</c>: the active leads as a file (stdout without
    /// <c>--out</c>). Exports to the case system are requested per lead from the dashboard.
    /// </summary>
    private static Command Leads(GlobalOptions global)
    {
        var format = new Option<string>("--format") { Description = "csv or json", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong(ExportKinds.Csv, ExportKinds.Json);
        var since = CliTime.Option("--since", "Only leads the analysis flagged or changed from this time on");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file (atomically) instead of standard output", HelpName = "FILE" };
        var leads = new Command("leads", "Export the active leads as CSV or JSON (UTF-8; columns in the README)") { format, since, output };
        CliAction.Set(leads, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var exporter = host.Services.GetRequiredService<LeadFileExporter>();
            const string actor = "cli";
            if (r.GetValue(output) is { } file)
            {
                var count = await exporter.WriteFileAsync(file.FullName, r.GetValue(format)!, r.GetValue(since), actor, ct);
                await Console.Error.WriteLineAsync($"Wrote {count} leads to {file.FullName}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await exporter.WriteAsync(stdout, r.GetValue(format)!, r.GetValue(since), actor, ct);
            }
            return ExitCodes.Ok;
        });
        return leads;
    }
}
