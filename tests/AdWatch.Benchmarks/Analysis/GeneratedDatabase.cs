using System.Diagnostics;
using System.Globalization;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Benchmarks.Analysis;

/// <summary>
/// The database the analysis and dashboard benchmarks run on: <c>[--db PATH] [--ads N] [--observations N]</c>. Without --db a
/// temporary file is generated and deleted afterwards; with --db an existing file is reused, or generated once and kept (so
/// a later run measures in a fresh process).
/// </summary>
internal sealed class GeneratedDatabase : IAsyncDisposable
{
    private GeneratedDatabase(string path, bool temporary)
    {
        Path = path;
        Temporary = temporary;
        Database = new Database(Options.Create(new StorageOptions { DatabasePath = path }));
    }

    public string Path { get; }
    public bool Temporary { get; }
    public Database Database { get; }

    /// <summary>True when this run generated the data (the file was missing or empty).</summary>
    public bool Generated { get; private set; }

    public static async Task<GeneratedDatabase> OpenAsync(string[] args, string tempPrefix, CancellationToken ct)
    {
        var ads = int.Parse(Arg(args, "--ads") ?? "100000", CultureInfo.InvariantCulture);
        var observations = int.Parse(Arg(args, "--observations") ?? "1000000", CultureInfo.InvariantCulture);
        var given = Arg(args, "--db");
        var db = new GeneratedDatabase(given ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{tempPrefix}-{Guid.NewGuid():N}.db"), given is null);
        var exists = File.Exists(db.Path) && new FileInfo(db.Path).Length > 0;
        // A kept database from an older checkout gets the newer migrations, as `adwatch` would apply them.
        await new SchemaMigrator(db.Database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
        if (!exists)
        {
            var watch = Stopwatch.StartNew();
            await AnalysisDataGenerator.GenerateAsync(db.Database, ads, observations, ct);
            Console.WriteLine($"generated {ads:N0} ads / {observations:N0} observations in {watch.Elapsed.TotalSeconds:F1} s ({db.Path})");
            db.Generated = true;
        }
        return db;
    }

    public static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Temporary)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var jobs = System.IO.Path.ChangeExtension(Path, ".hangfire.db"); // the dashboard benchmark's app runs a job server
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", jobs, jobs + "-wal", jobs + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
