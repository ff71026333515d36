using System.CommandLine;
using AdWatch.Ads;
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

        var leads = new Command("leads", "Export leads as CSV or JSON, or to the case system") { TreatUnmatchedTokensAsErrors = false };
        NotAvailableCommand.Apply(leads, "Exporting leads (ZGW, webhook, CSV/JSON)");
        command.Subcommands.Add(warc);
        command.Subcommands.Add(leads);
        return command;
    }
}
