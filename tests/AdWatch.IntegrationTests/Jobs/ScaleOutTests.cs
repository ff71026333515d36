using System.Globalization;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Cli;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Jobs;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Dapper;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>
/// Scale-out on PostgreSQL (issue 17): the real executable as one web and two worker processes, started together on an empty
/// database, runs a simulated week of crawls of the HTTP demo sites (each crawl enqueues extraction and analysis as of its day),
/// then exports every flag as a coordinator would (one signed webhook per lead, to a loopback case system). Every job runs
/// once, on one server; both workers take work; every ad and observation is stored once; the flags equal a single-process run
/// of the same week on a second database; and the case system receives each lead and each alert exactly once.
/// </summary>
public sealed class ScaleOutTests : IDisposable
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const int Days = 7;
    private static readonly string[] Sites = ["kontaktbord", "lantaarn-json"];
    private static readonly DateOnly Start = new(2023, 3, 1);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-scale-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Morning(int day) => new(Start.AddDays(day).ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero);

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a child may still hold a file for a moment
        }
    }

    [Fact]
    public async Task Week_OnWebAndTwoWorkers_RunsEachJobOnce_StoresEachAdOnce_AndFlagsAsOneProcess()
    {
        await using var db = await TestDatabase.PostgresAsync();
        await using var single = await TestDatabase.PostgresAsync();
        // Two copies of the demo sites, one per run, so the reference week runs while the processes run theirs.
        await using var sites = await DemoSiteHost.StartAsync(Scenario(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, Ct);
        await using var referenceSites = await DemoSiteHost.StartAsync(Scenario(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, Ct);
        await using var caseSystem = await WebhookReceiver.StartAsync();
        var settings = Settings(sites, db.PostgresConnectionString!);
        settings["Exports:Webhook:Url"] = caseSystem.Url;
        settings["Exports:Webhook:Secret"] = Secret;

        // All three at once on the empty database: the migrator's advisory lock lets exactly one migrate.
        var environment = settings.ToDictionary(s => "ADWATCH__" + s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value);
        var webUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var workerUrls = new[] { $"http://127.0.0.1:{LoopbackPort.Free()}", $"http://127.0.0.1:{LoopbackPort.Free()}" };
        using var web = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--role", "web", "--urls", webUrl]);
        using var worker1 = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--role", "worker", "--urls", workerUrls[0]]);
        using var worker2 = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--role", "worker", "--urls", workerUrls[1]]);
        AdwatchProcess[] workers = [worker1, worker2];

        // Meanwhile, the reference: the same week in this process, crawl both sites then extract and analyse, day by day.
        var referenceWeek = SingleProcessWeekAsync(referenceSites, Settings(referenceSites, single.PostgresConnectionString!));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await UpAsync(http, webUrl, web);
        await UpAsync(http, workerUrls[0], worker1);
        await UpAsync(http, workerUrls[1], worker2);

        var storageOptions = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(db.PostgresConnectionString!, storageOptions), storageOptions);
        GlobalConfiguration.Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        var client = new BackgroundJobClient(storage);
        var monitoring = storage.GetMonitoringApi();
        var crawlJobs = new List<string>();
        for (var day = 0; day < Days; day++)
        {
            sites.SimulatedDate = Start.AddDays(day);
            var at = Morning(day);
            var today = Sites.Select(site => client.Enqueue<CrawlJob>(j => j.ReplayAsync(site, at, CancellationToken.None))).ToList();
            crawlJobs.AddRange(today);
            await DrainAsync(monitoring, today, workers);
        }

        // The week's leads to the case system, as a coordinator exports them from the dashboard; the workers send them.
        var exportIds = new List<long>();
        using (var coordinator = AppHost.BuildCommandHost(new AppSettings(Path.Combine(_dir.FullName, "unused.db"), null), b =>
               {
                   b.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
                   b.Logging.ClearProviders();
               }))
        {
            var services = coordinator.Services;
            var exports = new AdWatch.Exports.LeadExports(services.GetRequiredService<AnalysisStore>(), services.GetRequiredService<AdWatch.Exports.ExportStore>(),
                services.GetRequiredService<AdWatch.Privacy.AuditLog>(), client, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AdWatch.Exports.ExportsOptions>>(),
                TimeProvider.System);
            await using var c = await db.Database.OpenAsync(Ct);
            foreach (var flag in await c.QueryAsync<long>("SELECT id FROM flags WHERE active ORDER BY id"))
            {
                exportIds.AddRange(await exports.RequestAsync(flag, "coco", "coordinator", Ct));
            }
        }
        exportIds.ShouldNotBeEmpty("the week flags something, so something is exported");
        await DrainAsync(monitoring, [], workers);

        var reference = await referenceWeek;
        var jobs = AllJobs(monitoring);
        jobs.Count.ShouldBe(Days * Sites.Length * 2 + exportIds.Count, "one crawl and one analysis per site and day, one export per lead: " + Describe(jobs));
        foreach (var job in jobs)
        {
            job.Processing.Count.ShouldBe(1, $"job {job.Id} ({job.Method}) was processed by {string.Join(", ", job.Processing)}");
            job.Succeeded.ShouldBe(1, $"job {job.Id} ({job.Method}) succeeded {job.Succeeded} times");
        }
        jobs.Count(j => j.Method == nameof(CrawlJob.ReplayAsync)).ShouldBe(crawlJobs.Count);
        var servers = jobs.Select(j => j.Processing[0]).ToHashSet();
        foreach (var worker in workers)
        {
            var pid = ":" + worker.ProcessId.ToString(CultureInfo.InvariantCulture) + ":";
            servers.ShouldContain(s => s.Contains(pid, StringComparison.Ordinal), $"worker {pid} took no job; servers: {string.Join(", ", servers)}");
        }
        servers.ShouldAllBe(s => s.Contains(":" + worker1.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal)
                                 || s.Contains(":" + worker2.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal));

        var scaled = await StoredAsync(db.Database);
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            (await c.QueryAsync<(string Site, long ObservedAt, string Status, string Trigger)>("""
                SELECT s.name, r.observed_at, r.status, r.trigger FROM crawl_runs r JOIN sites s ON s.id = r.site_id ORDER BY s.name, r.observed_at
                """)).ShouldBe(Sites.Order(StringComparer.Ordinal).SelectMany(site => Enumerable.Range(0, Days)
                .Select(day => (site, Morning(day).ToUnixTimeMilliseconds(), "completed", "replay"))));
            (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM analysis_runs")).ShouldBe(Days * Sites.Length);
        }
        scaled.Ads.ShouldBeGreaterThan(0);
        scaled.Observations.ShouldBeGreaterThan(scaled.Ads);
        reference.Flags.ShouldNotBeEmpty("the scenario's week must flag something, or equal flags prove nothing");
        (scaled.Ads, scaled.Versions, scaled.Observations, scaled.Unextracted).ShouldBe((reference.Ads, reference.Versions, reference.Observations, 0L));
        scaled.Flags.ShouldBe(reference.Flags);

        // The case system got each lead once and each alert once, every delivery signed, though two workers sent them.
        var deliveries = caseSystem.Deliveries.ToList();
        foreach (var (headers, body) in deliveries)
        {
            Should.NotThrow(() => new StandardWebhooks.StandardWebhook(Secret).Verify(body, headers));
        }
        var byType = deliveries.GroupBy(d => System.Text.Json.JsonDocument.Parse(d.Body).RootElement.GetProperty("type").GetString())
            .ToDictionary(g => g.Key!, g => g.Select(d => d.Headers["webhook-id"].ToString()).ToList());
        byType.GetValueOrDefault("adwatch.lead.export", []).Order(StringComparer.Ordinal)
            .ShouldBe(exportIds.Select(AdWatch.Exports.Webhooks.WebhookExporter.MessageId).Order(StringComparer.Ordinal));
        await using (var c = await db.Database.OpenAsync(Ct))
        {
            (await c.QueryAsync<string>("SELECT status FROM exports")).ShouldAllBe(status => status == "done");
            var alerts = (await c.QueryAsync<long>("SELECT id FROM alerts ORDER BY id")).ToList();
            alerts.ShouldNotBeEmpty("the week's flags raise alerts, or 'each alert once' proves nothing");
            byType.GetValueOrDefault("adwatch.alert", []).Order(StringComparer.Ordinal)
                .ShouldBe(alerts.Select(AdWatch.Alerts.AlertDelivery.MessageId).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>A loopback case system: records every webhook it receives and answers 204.</summary>
    private sealed class WebhookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private WebhookReceiver(WebApplication app) => _app = app;

        public System.Collections.Concurrent.ConcurrentQueue<(HeaderDictionary Headers, string Body)> Deliveries { get; } = new();

        public string Url { get; private set; } = "";

        public static async Task<WebhookReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var receiver = new WebhookReceiver(builder.Build());
            receiver._app.MapPost("/hook", async ctx =>
            {
                var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
                var headers = new HeaderDictionary();
                foreach (var (k, v) in ctx.Request.Headers)
                {
                    headers[k] = v;
                }
                receiver.Deliveries.Enqueue((headers, body));
                ctx.Response.StatusCode = 204;
            });
            await receiver._app.StartAsync();
            receiver.Url = receiver._app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
            return receiver;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    /// <summary>
    /// Generated background ads, plus two rotation houses that a week of crawls must flag: four women two days each at one
    /// Harderwijk address on Kontaktbord (linked by phone), and three at one Ermelo address on Lantaarn (linked by address only).
    /// </summary>
    private static DemoScenario Scenario()
    {
        var generated = DemoScenario.Generate(11, 24, Start, Days + 1);
        string[] names = ["Roos", "Jade", "Mila", "Sara", "Noor", "Lina", "Yara"];
        var advertisers = names.Select((name, i) => new DemoAdvertiser($"adv-rot-{i}", name,
            $"+3161777{i:D4}", "escort", [$"rot-{i}"])).ToList();
        var ads = new List<DemoAd>();
        for (var i = 0; i < advertisers.Count; i++)
        {
            var (site, address, city) = i < 4
                ? (DemoSiteKind.Kontaktbord, "Stationslaan 14, 3841 AB Harderwijk", "Harderwijk")
                : (DemoSiteKind.Lantaarn, "Stationsstraat 5, 3851 NH Ermelo", "Ermelo");
            var first = Start.AddDays(i < 4 ? i * 2 : (i - 4) * 2);
            var a = advertisers[i];
            ads.Add(new DemoAd($"rot-{i}", a.Id, [site], [new DemoDateRange(first, first.AddDays(1))],
                [new DemoAdVersion(first, $"{a.Name} nieuw in {city}", $"Hoi, ik ben {a.Name}, net aangekomen.\n\nBel of app: 06-1777{i:D4}",
                    address, city, $"06-1777{i:D4}", a.PhoneE164, first, [$"rot-{i}"])], DemoExpiryStyle.Gone));
        }
        return DemoScenario.Create("scale-out-week", Start, Days + 1, [.. generated.Advertisers, .. advertisers], [.. generated.Ads, .. ads]);
    }

    /// <summary>The processes' and the reference's settings: HTTP demo sites only, without politeness delay; no schedules.</summary>
    private Dictionary<string, string> Settings(DemoSiteHost sites, string connectionString)
    {
        var crawlers = Path.Combine(_dir.FullName, "crawlers");
        if (!Directory.Exists(crawlers))
        {
            Directory.CreateDirectory(crawlers);
            foreach (var site in Sites)
            {
                var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "crawlers", site + ".yaml"));
                yaml.ShouldContain("delayMs: 1000");
                File.WriteAllText(Path.Combine(crawlers, site + ".yaml"), yaml.Replace("delayMs: 1000", "delayMs: 0", StringComparison.Ordinal));
            }
        }
        return new Dictionary<string, string>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Jobs:ScheduleCrawls"] = "false",
            ["Jobs:WorkerCount"] = "1",
            ["Jobs:PollInterval"] = "00:00:00.250",
            ["Retention:Enabled"] = "false",
            ["Crawling:CrawlersPath"] = crawlers,
            ["Crawling:RetryBaseDelayMs"] = "20",
            ["Crawling:BaseUrlOverrides:kontaktbord"] = sites.Kontaktbord.BaseUrl.AbsoluteUri,
            ["Crawling:BaseUrlOverrides:lantaarn-json"] = sites.Lantaarn.BaseUrl.AbsoluteUri,
        };
    }

    private async Task<Stored> SingleProcessWeekAsync(DemoSiteHost sites, Dictionary<string, string> settings)
    {
        using var host = AppHost.BuildCommandHost(new AppSettings(Path.Combine(_dir.FullName, "unused.db"), null), b =>
        {
            b.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
            b.Logging.ClearProviders();
        });
        await AppHost.MigrateAsync(host.Services, Ct);
        var crawler = host.Services.GetRequiredService<CrawlRunner>();
        for (var day = 0; day < Days; day++)
        {
            sites.SimulatedDate = Start.AddDays(day);
            foreach (var site in Sites)
            {
                (await crawler.RunAsync(site, Morning(day), "replay", Ct)).Status.ShouldBe("completed");
            }
            await host.Services.GetRequiredService<ExtractionPass>().RunAsync(Ct);
            await host.Services.GetRequiredService<AnalysisRunner>().RunAsync(Morning(day), null, Ct);
        }
        return await StoredAsync(host.Services.GetRequiredService<Database>());
    }

    /// <summary>Waits until the day's crawls succeeded and nothing is queued, running or waiting for a retry.</summary>
    private static async Task DrainAsync(IMonitoringApi monitoring, List<string> today, AdwatchProcess[] workers)
    {
        for (var i = 0; i < 240; i++)
        {
            foreach (var worker in workers)
            {
                worker.HasExited.ShouldBeFalse($"a worker exited: {worker.Stderr}");
            }
            var stats = monitoring.GetStatistics();
            if (stats.Failed > 0 || stats.Scheduled > 0)
            {
                throw new InvalidOperationException($"a job failed: {Describe(AllJobs(monitoring))}\n{workers[0].Stderr}\n{workers[1].Stderr}");
            }
            if (today.All(id => monitoring.JobDetails(id)?.History.FirstOrDefault()?.StateName == "Succeeded")
                && stats.Enqueued == 0 && stats.Processing == 0)
            {
                return;
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"the day's jobs did not finish in 60 s: {Describe(AllJobs(monitoring))}");
    }

    private sealed record JobRun(string Id, string Method, List<string> Processing, int Succeeded, string State);

    /// <summary>Every job in the store with the servers that processed it (from its state history).</summary>
    private static List<JobRun> AllJobs(IMonitoringApi monitoring)
    {
        var ids = new HashSet<string>();
        foreach (var (id, _) in monitoring.SucceededJobs(0, 10_000))
        {
            ids.Add(id);
        }
        foreach (var (id, _) in monitoring.FailedJobs(0, 10_000))
        {
            ids.Add(id);
        }
        foreach (var (id, _) in monitoring.ProcessingJobs(0, 10_000))
        {
            ids.Add(id);
        }
        foreach (var (id, _) in monitoring.ScheduledJobs(0, 10_000))
        {
            ids.Add(id);
        }
        return [.. ids.Select(id =>
        {
            var details = monitoring.JobDetails(id);
            var history = details.History;
            return new JobRun(id, details.Job?.Method.Name ?? "?",
                [.. history.Where(h => h.StateName == "Processing").Select(h => h.Data.TryGetValue("ServerId", out var s) ? s : "?")],
                history.Count(h => h.StateName == "Succeeded"), history.FirstOrDefault()?.StateName ?? "?");
        }).OrderBy(j => long.Parse(j.Id, CultureInfo.InvariantCulture))];
    }

    private static string Describe(IEnumerable<JobRun> jobs) =>
        string.Join("; ", jobs.Select(j => $"{j.Id} {j.Method} {j.State} on [{string.Join(", ", j.Processing)}]"));

    private sealed record Stored(long Ads, long Versions, long Observations, long Unextracted, List<string> Flags);

    private static async Task<Stored> StoredAsync(Database database)
    {
        await using var c = await database.OpenAsync(Ct);
        var flags = (await c.QueryAsync<(string Key, double Score, int? Advertisers, bool Active)>("""
            SELECT p.key, f.score, f.advertiser_count, f.active
            FROM flags f JOIN locations l ON l.id = f.location_id JOIN places p ON p.id = l.place_id ORDER BY p.key
            """)).Select(f => $"{f.Key} score {f.Score.ToString("R", CultureInfo.InvariantCulture)} advertisers {f.Advertisers} active {f.Active}").ToList();
        return new Stored(
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ads"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ad_versions"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM observations"),
            await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ad_versions WHERE extracted_at IS NULL"),
            flags);
    }

    private static async Task UpAsync(HttpClient http, string url, AdwatchProcess process)
    {
        for (var i = 0; i < 120; i++)
        {
            process.HasExited.ShouldBeFalse($"exited: {process.Stderr}");
            try
            {
                if ((await http.GetAsync(url + "/healthz", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(250, Ct);
        }
        throw new TimeoutException($"{url} did not answer /healthz in 30 s: {process.Stderr}");
    }
}
