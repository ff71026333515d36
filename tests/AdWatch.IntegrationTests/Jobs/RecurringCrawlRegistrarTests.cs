using AdWatch.IntegrationTests.Crawling;
using AdWatch.Jobs;
using AdWatch.Sites;
using Hangfire;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>Which sites a fresh <c>serve</c> schedules, against a real (SQLite) Hangfire job store.</summary>
public sealed class RecurringCrawlRegistrarTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-registrar-");

    [Fact]
    public async Task Start_SchedulesNoLocalDemoSite_UnlessListedInScheduleLocalSites()
    {
        (await ScheduledAsync(new JobsOptions())).ShouldBeEmpty(); // the shipped crawlers/ are all local demo sites

        (await ScheduledAsync(new JobsOptions { ScheduleLocalSites = ["kontaktbord"] })).ShouldBe(["crawl:kontaktbord"]);
    }

    [Fact]
    public async Task Start_SchedulesASiteThatIsNotLocal()
    {
        var catalog = Catalog();
        var real = catalog.Get("kontaktbord").WithBaseUrl("https://ads.example.test/");
        real.Local = false;
        catalog.Put(real);

        (await ScheduledAsync(new JobsOptions(), catalog)).ShouldBe(["crawl:kontaktbord"]);
    }

    private async Task<List<string>> ScheduledAsync(JobsOptions options, SiteCatalog? catalog = null)
    {
        var storage = new SQLiteStorage(Path.Combine(_dir.FullName, $"{Guid.NewGuid():N}.hangfire.db"));
        var registrar = new RecurringCrawlRegistrar(catalog ?? Catalog(), new RecurringJobManager(storage), storage, Options.Create(options),
            NullLogger<RecurringCrawlRegistrar>.Instance);

        await registrar.StartAsync(TestContext.Current.CancellationToken);

        using var connection = storage.GetConnection();
        return [.. connection.GetRecurringJobs().Select(j => j.Id).Order(StringComparer.Ordinal)];
    }

    private static SiteCatalog Catalog() => new(Options.Create(new SitesOptions { CrawlersPath = CrawlHarness.CrawlersFolder() }));

    public void Dispose() => _dir.Delete(recursive: true);
}
