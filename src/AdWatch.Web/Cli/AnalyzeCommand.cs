using System.CommandLine;
using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Web.Hosting;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch analyze [--as-of T] [--json] [--licensed-venues FILE]</c> (<c>--full</c> is accepted and changes nothing).</summary>
internal static class AnalyzeCommand
{
    public static Command Create(GlobalOptions global)
    {
        var asOf = CliTime.Option("--as-of", "Analyse as of this time; later observations are ignored (default: now)");
        var json = new Option<bool>("--json") { Description = "Print only the JSON report" };
        var venues = new Option<FileInfo?>("--licensed-venues") { Description = "Licensed venues CSV (default: from config/analysis.yaml)", HelpName = "FILE" };
        // Kept for the stable CLI contract (scripts pass it): every run is full now, so it changes nothing.
        var full = new Option<bool>("--full") { Description = "Accepted for compatibility; every run recomputes everything", Hidden = true };
        var command = new Command("analyze", "Link advertisers, build stays and flag recurring short-stay locations") { asOf, json, venues, full };
        CliAction.Set(command, async (r, ct) =>
        {
            if (r.GetValue(venues) is { Exists: false } missing)
            {
                throw new UserError($"licensed venues file not found: {missing.FullName}", ExitCodes.Usage);
            }
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            // Versions a crawl stored but nobody extracted yet would silently be left out.
            await host.Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
            var run = await host.Services.GetRequiredService<AnalysisRunner>().RunAsync(r.GetValue(asOf), r.GetValue(venues)?.FullName, ct);
            foreach (var warning in run.Warnings)
            {
                await Console.Error.WriteLineAsync($"warning: {warning}");
            }
            if (r.GetValue(json))
            {
                Console.WriteLine(run.Report.ToJson());
            }
            else
            {
                Console.WriteLine(AnalysisSummary.Describe(run));
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
