using AdWatch.Accounts;
using System.Diagnostics;
using AdWatch.Analysis;
using AdWatch.Review;
using AdWatch.Web.Pages.Locations;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Analysis;

/// <summary>
/// The dashboard benchmark (not a timed test): server time of the flagged-location list and of a location dossier on 100,000 ads
/// / 1,000,000 observations, analysed once. Usage: <c>dashboard [--db PATH] [--ads N] [--observations N] [--requests N]</c>.
/// Measures the read models the pages render (one query object per request, as the app uses them), p50/p95/max over
/// every request after a warm-up; target p95 &lt; 100 ms.
/// </summary>
internal static class DashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = int.Parse(GeneratedDatabase.Arg(args, "--requests") ?? "300", System.Globalization.CultureInfo.InvariantCulture);
        var ct = CancellationToken.None;
        await using var generated = await GeneratedDatabase.OpenAsync(args, "adwatch-dashboard-bench", ct);
        var database = generated.Database;
        if (generated.Generated)
        {
            var asOf = new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.Zero);
            var a = Stopwatch.StartNew();
            var runner = new AnalysisRunner(database, TimeProvider.System,
                new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = "config/analysis.yaml" })),
                Options.Create(new AdWatch.Extraction.RegionOptions()), NullLogger<AnalysisRunner>.Instance);
            var run = await runner.RunAsync(asOf, null, ct);
            Console.WriteLine($"analysed in {a.Elapsed.TotalSeconds:F1} s: {run.Report.Locations.Count:N0} flagged locations");
        }

        var list = new FlaggedLocationQuery(database);
        var all = await list.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, PageSize = FlaggedLocationFilter.MaxPageSize, IncludeLicensed = true }, ct);
        var ids = new List<long>(all.Rows.Select(r => r.LocationId));
        for (var p = 2; p <= all.Pages; p++)
        {
            ids.AddRange((await list.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, PageSize = FlaggedLocationFilter.MaxPageSize, Page = p, IncludeLicensed = true }, ct))
                .Rows.Select(r => r.LocationId));
        }
        Console.WriteLine($"{all.Total:N0} listed locations (flags + licensed venues)");
        if (ids.Count == 0)
        {
            Console.WriteLine("nothing flagged: nothing to measure");
            return 1;
        }

        string[] municipalities = [null!, "GM0243", "GM0233", "GM0273"];
        string?[] statuses = [null, "new", "in_review"];
        var sorts = Enum.GetValues<FlaggedLocationSort>();
        var listTimes = await MeasureAsync(requests, i => list.ListAsync(new FlaggedLocationFilter
        {
            Scope = AccessScope.Everything, MunicipalityCode = municipalities[i % municipalities.Length],
            Status = statuses[i / 4 % statuses.Length],
            MinScore = i % 5 == 0 ? 0.5 : null,
            From = i % 7 == 0 ? new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero) : null,
            Sort = sorts[i % sorts.Length],
            Page = 1 + i % 3,
            PageSize = 25,
        }, ct));
        Report("flagged list (filters/sorts/pages varied)", listTimes);

        var dossier = new DossierQuery(database);
        var sizes = new Dictionary<long, int>();
        var dossierTimes = await MeasureAsync(requests, async i =>
        {
            var d = await dossier.GetAsync(ids[i % ids.Count], ct);
            sizes[d!.LocationId] = d.Ads.Count;
        });
        Report($"dossier ({Math.Min(ids.Count, requests)} different locations, {sizes.Values.DefaultIfEmpty().Average():F0} ads avg, {sizes.Values.DefaultIfEmpty().Max()} max)", dossierTimes);
        var largest = sizes.OrderByDescending(kv => kv.Value).First().Key;
        Report($"dossier of the largest location (#{largest}, {sizes[largest]} ads)", await MeasureAsync(Math.Max(50, requests / 4), _ => dossier.GetAsync(largest, ct)));
        await DashboardHttpBenchmark.RunAsync(generated.Path, ids, requests, Report, ct);
        return 0;
    }

    private static async Task<List<double>> MeasureAsync(int count, Func<int, Task> request)
    {
        for (var i = 0; i < Math.Min(20, count); i++)
        {
            await request(i); // warm-up: JIT, connection pool, SQLite page cache
        }
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            await request(i);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static void Report(string what, List<double> times)
    {
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        Console.WriteLine($"{what}: n={times.Count}, p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, max {times[^1]:F1} ms" +
                          (P(0.95) < 100 ? "" : "  (ABOVE the 100 ms target)"));
    }
}
