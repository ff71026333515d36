using System.Diagnostics;
using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Analysis;

/// <summary>
/// The analysis benchmark (not a timed test): analysing 100,000 ads / 1,000,000 observations. Usage:
/// <c>analysis [--db PATH] [--ads N] [--observations N]</c>. Without --db a temp database is generated, analysed and deleted; with
/// --db an existing file is reused (generate it once, then measure in a fresh process so peak memory is the analysis alone).
/// </summary>
internal static class AnalysisBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var ct = CancellationToken.None;
        await using var generated = await GeneratedDatabase.OpenAsync(args, "adwatch-analysis-bench", ct);
        var database = generated.Database;
        if (generated.Generated && !generated.Temporary)
        {
            Console.WriteLine("database kept: run again with the same --db to measure the analysis in a fresh process");
            return 0;
        }
        var asOf = new DateTimeOffset(2023, 12, 31, 23, 59, 59, TimeSpan.Zero);
        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        Console.WriteLine($"working set before analysis: {baseline / 1048576.0:F0} MB");

        // Extraction stores each version's text fingerprint (the generator does as extraction would), so this finds nothing
        // to do; on a database from before fingerprints it is the one-time catch-up.
        var fingerprint = await Time(() => new TextFingerprinter(database).RunAsync(false, asOf, ct));
        Console.WriteLine($"fingerprint catch-up: {fingerprint.Value:N0} versions in {fingerprint.Seconds:F2} s wall, {fingerprint.Cpu:F2} s cpu");

        for (var round = 1; round <= 2; round++)
        {
            var total = Stopwatch.StartNew();
            var load = await Time(() => new AnalysisInputLoader(database).LoadAsync(asOf, ct));
            var engine = await Time(() => Task.FromResult(new AnalysisEngine(new AnalysisOptions(), RegionOptions.VeluweWest, LicensedVenueList.Empty).Run(load.Value, asOf)));
            var write = await Time(() => new AnalysisWriter(database).WriteAsync(engine.Value, asOf, ct));
            total.Stop();
            var r = engine.Value;
            Console.WriteLine($"round {round} ({(round == 1 ? "first write" : "nothing changed")}): wall/cpu s: load {load.Seconds:F2}/{load.Cpu:F2}, " +
                              $"engine {engine.Seconds:F2}/{engine.Cpu:F2}, write {write.Seconds:F2}/{write.Cpu:F2} " +
                              $"({write.Value.Stats.Inserted:N0} ins / {write.Value.Stats.Updated:N0} upd / {write.Value.Stats.Deleted:N0} del), " +
                              $"total {total.Elapsed.TotalSeconds:F2} s wall, {load.Cpu + engine.Cpu + write.Cpu:F2} s cpu");
            Console.WriteLine($"  {load.Value.Ads.Count:N0} ads, {load.Value.Ads.Sum(a => a.Versions.Sum(v => v.Days.Length)):N0} (version, day) pairs, " +
                              $"{r.Advertisers.Count:N0} advertisers, {r.Operators.Count:N0} operators, {r.Locations.Count:N0} locations, " +
                              $"{r.Flagged.Count():N0} flagged, {r.Touring.Count:N0} touring");
        }
        // What `adwatch analyze` runs: the same steps plus the lock, the report read back and the run log.
        var rules = new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = Path.Combine(AppContext.BaseDirectory, "config", "analysis.yaml") }));
        var region = Options.Create(new RegionOptions());
        var runner = new AnalysisRunner(database, new FixedTime(asOf), rules, region, NullLogger<AnalysisRunner>.Instance);
        // Keep only figures of each run, not its result, so peak memory is one run's and not the sum of three.
        var run = await Time(async () => Figures(await runner.RunAsync(asOf, null, ct)));
        Console.WriteLine($"analyze (AnalysisRunner, nothing changed): {run.Seconds:F2} s wall, {run.Cpu:F2} s cpu; {run.Value.Flagged:N0} flagged");

        // The next day after a crawl: 1% of the ads seen again (what the job after each crawl runs).
        var nextDay = asOf.AddDays(1);
        await using (var connection = await database.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                INSERT INTO observations (ad_id, version_id, source, observed_at)
                SELECT id, id, 'crawl', @at FROM ads WHERE id % 100 = 7
                """, new { at = nextDay.AddHours(-12).ToUnixTimeMilliseconds() }, tx);
            await tx.CommitAsync(ct);
        }
        var next = new AnalysisRunner(database, new FixedTime(nextDay), rules, region, NullLogger<AnalysisRunner>.Instance);
        var day = await Time(async () => Figures(await next.RunAsync(nextDay, null, ct)));
        Console.WriteLine($"analyze after a day's crawl (1% of the ads seen again): {day.Seconds:F2} s wall, {day.Cpu:F2} s cpu; " +
                          $"{day.Value.Written:N0} rows written; {day.Value.Flagged:N0} flagged");

        // An analyst marks a number as a misread in the dashboard; the job it enqueues re-runs as of the previous run.
        await new ExtractionStore(database).SetPhoneStatusAsync("+31600000123", "bad", "benchmark", "analist", nextDay, ct);
        var marked = await Time(async () => Figures(await next.RerunAsync(ct)));
        Console.WriteLine($"analyze after marking a phone bad (the re-run job): {marked.Seconds:F2} s wall, {marked.Cpu:F2} s cpu; " +
                          $"{marked.Value.Written:N0} rows written");
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine($"peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MB; GC heap now {GC.GetTotalMemory(false) / 1048576.0:F0} MB; " +
                          $"largest GC heap {info.HeapSizeBytes / 1048576.0:F0} MB; processors {Environment.ProcessorCount}");
        return 0;
    }

    private static (int Flagged, int Written) Figures(AnalysisRun run) => (run.Report.Locations.Count, run.Written.Stats.Total);

    private sealed class FixedTime(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    /// <summary>Wall-clock and CPU seconds: on a shared machine CPU time is the fairer figure for "on one core".</summary>
    private static async Task<(T Value, double Seconds, double Cpu)> Time<T>(Func<Task<T>> action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var value = await action();
        process.Refresh();
        return (value, watch.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
