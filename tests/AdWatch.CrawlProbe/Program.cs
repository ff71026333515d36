// Test-only crawl entry: crawl one site into one SQLite file, resuming an unfinished run (waiting out a dead worker's lease).
// usage: AdWatch.CrawlProbe --db PATH --crawlers DIR --site NAME --base-url URL [--now ISO] [--lease-seconds N] [--delay-ms N]
using AdWatch.Evidence;
using System.Globalization;
using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Sites;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var a = args.Select((v, i) => (v, i)).Where(p => p.v.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.v[2..], p => args.ElementAtOrDefault(p.i + 1) ?? "");
var db = a["db"];
var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Crawling:CrawlersPath"] = a["crawlers"],
    ["Crawling:LeaseSeconds"] = a.GetValueOrDefault("lease-seconds", "2"),
    ["Crawling:RetryBaseDelayMs"] = "20",
}).Build();
await using var services = new ServiceCollection()
    .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
    .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
    .AddSingleton(Options.Create(new StorageOptions { DatabasePath = db }))
    .AddSingleton<Database>()
    .AddAdWatchCrawling(config)
            .AddAdWatchEvidence()
    .BuildServiceProvider();
await new SchemaMigrator(services.GetRequiredService<Database>(), TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

var site = SiteDefinitionLoader.LoadFile(Path.Combine(a["crawlers"], a["site"] + ".yaml")).WithBaseUrl(a["base-url"]);
site.Politeness.DelayMs = int.Parse(a.GetValueOrDefault("delay-ms", "0"), CultureInfo.InvariantCulture);
DateTimeOffset? now = a.TryGetValue("now", out var t) ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : null;
var runner = services.GetRequiredService<CrawlRunner>();
for (var attempt = 0; attempt < 240; attempt++)
{
    var result = await runner.RunAsync(site, now, "probe", CancellationToken.None);
    if (result.Status != "already-running")
    {
        Console.WriteLine(JsonSerializer.Serialize(result));
        return result.Status == "completed" ? 0 : 1;
    }
    await Task.Delay(500);
}
Console.Error.WriteLine("the run stayed leased by another worker");
return 3;
