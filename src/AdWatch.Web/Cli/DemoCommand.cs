using System.CommandLine;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Web.Security;
using AdWatch.Web.Demo;
using AdWatch.Web.Hosting;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AdWatch.Web.Cli;

/// <summary><c>adwatch demo [--no-serve] [--urls URLS]</c>: the synthetic Harderwijk 2023, replayed through the real pipeline.</summary>
internal static class DemoCommand
{
    public const string DefaultDatabase = "data/demo.db";

    public static Command Create(GlobalOptions global)
    {
        var noServe = new Option<bool>("--no-serve") { Description = "Print the summary and exit instead of serving the dashboard" };
        var urls = new Option<string?>("--urls") { Description = $"URLs to serve on (default: {ServeCommand.DefaultUrl})", HelpName = "URLS" };
        var command = new Command("demo",
            $"Replay a synthetic 2023 in Harderwijk through the real pipeline into {DefaultDatabase} (recreated each time) and serve the dashboard")
        {
            noServe, urls,
        };
        CliAction.Set(command, async (r, ct) =>
        {
            var given = global.Read(r);
            var settings = given with { DatabasePath = given.DatabasePath ?? DefaultDatabase };
            // data/ is created on a fresh clone; a --db in a folder that does not exist is a mistake.
            SqliteFile.Check(settings.DatabasePath, "--db", createFolder: given.DatabasePath is null);
            // Before the reset: a second demo must not delete the database a running one serves.
            using var held = ServeLock.Acquire(settings.DatabasePath!);
            await ResetAsync(settings.DatabasePath!, ct);

            var app = WebApp.Build(settings, r.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? ServeCommand.DefaultUrl,
                builder =>
                {
                    if (!Console.IsErrorRedirected && !settings.Verbose)
                    {
                        // On a terminal the replay shows its progress line, summary and accounts only. Its synthetic sites shrink
                        // by design, which crawler health warns about per run (the dashboard's crawler page shows those runs); it
                        // turns the purge off itself, and its throw-away keys need no encryption. As defaults, so an explicit
                        // Logging:LogLevel still wins.
                        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
                        {
                            InitialData =
                            [
                                new($"Logging:LogLevel:{typeof(AdWatch.Crawling.CrawlRunner).FullName}", "Error"),
                                new($"Logging:LogLevel:{typeof(AdWatch.Jobs.RetentionScheduler).FullName}", "Error"),
                                new("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error"),
                            ],
                        });
                    }
                    builder.Configuration.AddInMemoryCollection([
                        // The demo's sites live only while it replays 2023; and its data is from 2023, which the nightly
                        // purge would measure against today's clock.
                        new("Jobs:ScheduleCrawls", "false"),
                        new("Retention:Enabled", "false"),
                    ]);
                });
            await AppHost.MigrateAsync(app.Services, ct);
            await using var sites = await DemoSiteHost.StartAsync(Harderwijk2023Scenario.Create(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, ct);
            var runner = ActivatorUtilities.CreateInstance<DemoRunner>(app.Services);
            var run = await runner.RunAsync(sites, ct);
            var (controls, measures) = await ActivatorUtilities.CreateInstance<DemoEnforcement>(app.Services).RecordAsync(ct);

            Console.WriteLine(AnalysisSummary.Describe(run));
            Console.WriteLine($"Ground truth of the scenario: {Harderwijk2023Scenario.Houses.Count} rotation houses in Harderwijk, " +
                              "15 touring advertisers; a licensed club, a long-stay home worker, escorts, town-level ads and a rotation " +
                              "house in Nunspeet (outside the region) must not be flagged.");
            Console.WriteLine($"Enforcement: {controls} controls and {measures} measures of 2023 recorded on the houses " +
                              $"(adwatch report year 2023 --municipality GM0243 --db {settings.DatabasePath}).");
            Console.WriteLine($"Demo data: {Path.GetFullPath(settings.DatabasePath!)}");
            if (r.GetValue(noServe))
            {
                await app.DisposeAsync();
                return ExitCodes.Ok;
            }
            var accounts = await ActivatorUtilities.CreateInstance<DemoAccounts>(app.Services).CreateAsync(ct);
            // The year's flags as alerts in the demo accounts' inboxes (/inbox), as the job after each analysis would raise them.
            await app.Services.GetRequiredService<AdWatch.Alerts.AlertScan>().ScanAsync(ct);
            await app.StartAsync(ct);
            Announcement.DemoAccounts(ServeCommand.ListenUrl(app), accounts);
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The demo starts from an empty database every time. It only ever deletes a database that holds nothing but demo
    /// sites, so a mistyped <c>--db</c> can never wipe real data.
    /// </summary>
    private static async Task ResetAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            await using (var connection = new SqliteConnection($"Data Source={full};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync(ct);
                var hasSites = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sites'") > 0;
                var others = hasSites
                    ? (await connection.QueryAsync<string>("SELECT name FROM sites WHERE name NOT IN ('kontaktbord', 'nachtlicht', 'lantaarn', 'lantaarn-json')")).ToList()
                    : [];
                if (others.Count > 0)
                {
                    throw new UserError($"{full} holds data of other sites ({string.Join(", ", others.Take(5))}); the demo recreates its database " +
                                        $"and will not touch real data. Leave out --db to use {DefaultDatabase}.");
                }
            }
            SqliteConnection.ClearAllPools();
        }
        var jobs = Path.ChangeExtension(full, ".hangfire.db");
        foreach (var file in new[] { full, full + "-wal", full + "-shm", jobs, jobs + "-wal", jobs + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }
}
