using System.CommandLine;
using AdWatch.Crawling;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Sites;
using AdWatch.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch crawl SITE [--now T]</c>: one crawl in the foreground, then extraction of what changed.</summary>
internal static class CrawlCommand
{
    public static Command Create(GlobalOptions global)
    {
        var site = new Argument<string>("SITE") { Description = "Site name, as in crawlers/SITE.yaml" };
        var now = CliTime.Option("--now", "Observation time of this crawl, for replays (default: now)");
        var command = new Command("crawl", "Crawl one site now, in the foreground, and extract what changed") { site, now };
        CliAction.Set(command, async (r, ct) =>
        {
            using var host = AppHost.BuildCommandHost(global.Read(r));
            await AppHost.MigrateAsync(host.Services, ct);
            var name = r.GetValue(site)!;
            var catalog = host.Services.GetRequiredService<SiteCatalog>();
            var definition = catalog.Find(name) ?? throw new UserError(
                $"no site named '{name}'. Known sites: {string.Join(", ", catalog.All.Select(s => s.Name))} (one YAML file per site in the crawlers folder).");
            var time = host.Services.GetRequiredService<TimeProvider>();

            CrawlRunResult result;
            using (var progress = new TerminalProgress($"crawl {name}", time))
            {
                result = await host.Services.GetRequiredService<CrawlRunner>().RunAsync(definition, r.GetValue(now), "cli", ct,
                    new Progress<CrawlProgress>(p => progress.Report($"{p.Done} done, {p.Open} open — {p.LastOutcome} {p.LastUrl}",
                        p.Done + p.Open > 0 ? (double)p.Done / (p.Done + p.Open) : null)));
                progress.Complete($"run {result.RunId} {result.Status}{(result.Resumed ? " (resumed)" : "")}", finished: result.Failure is null);
            }
            if (result.Failure is { } failure)
            {
                var overridden = host.Services.GetRequiredService<IOptions<SitesOptions>>().Value.BaseUrlOverrides.ContainsKey(name);
                var yaml = $"baseUrl in {definition.SourceFile ?? $"crawlers/{name}.yaml"}";
                throw new UserError($"{name}: {failure.Describe()}. Is the site up? Its address comes from " +
                                    (overridden ? $"Crawling:BaseUrlOverrides:{name}, which replaces {yaml}." : $"{yaml}."));
            }
            Console.WriteLine(CrawlSummary.Describe(result));

            using var extraction = new TerminalProgress("extract", time);
            var extracted = await host.Services.GetRequiredService<ExtractionPass>().RunAsync(ct, new Progress<int>(n => extraction.Report($"{n} versions")));
            extraction.Complete($"{extracted} new or changed ad versions extracted");
            return result.Status is "completed" or "suspect" ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
