using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hostile;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Hostile;

/// <summary>Runs alone, like <see cref="DashboardCollection"/>: Hangfire's process-wide state must not see two apps start at once.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCorpusCollection : ICollectionFixture<HostileCorpusFixture>
{
    public const string Name = "HostileCorpus";
}

/// <summary>
/// The real app over a temp SQLite file, after one crawl of the <see cref="HostileSite"/> (every case of the
/// <see cref="HostileCorpus"/>), the extraction pass and an analysis, with a flag on each house so its dossier has a PDF.
/// Kept: the crawl's result and what the extraction pass reported, for the tests to check.
/// </summary>
public sealed class HostileCorpusFixture : IAsyncLifetime
{
    public const string Analyst = "hanna";
    public const string Coordinator = "henk";
    public const string Password = "hostiel-corpus-wachtwoord-2024";
    public static readonly DateTimeOffset CrawledAt = new(2023, 3, 6, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-hostile-");
    private WebApplication _app = null!;

    public HostileSite Site { get; private set; } = null!;

    public CrawlRunResult Crawl { get; private set; } = null!;

    public int Extracted { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app.Services;

    public Database Database => Services.GetRequiredService<Database>();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Site = await HostileSite.StartAsync(ct);
        _app = WebApp.Build(new AppSettings(Path.Combine(_dir.FullName, "hostile.db"), null), "http://127.0.0.1:0",
            builder => builder.Logging.SetMinimumLevel(LogLevel.Error));
        await AppHost.MigrateAsync(_app.Services, ct);
        _app.Services.GetRequiredService<SiteCatalog>().Put(SiteDefinitionLoader.LoadText(HostileSite.DefinitionYaml(Site.BaseUrl), "hostile.yaml"));
        var users = _app.Services.GetRequiredService<UserStore>();
        await users.AddAsync(Analyst, Role.Analyst, PasswordSignIn.Hash(Analyst, Password), TimeProvider.System.GetUtcNow(), "regio", ct);
        await users.AddAsync(Coordinator, Role.Coordinator, PasswordSignIn.Hash(Coordinator, Password), TimeProvider.System.GetUtcNow(), "regio", ct);

        Crawl = await _app.Services.GetRequiredService<CrawlRunner>().RunAsync(HostileSite.Name, CrawledAt, "test", ct);
        Extracted = await _app.Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
        await _app.Services.GetRequiredService<AnalysisRunner>().RunAsync(CrawledAt.AddHours(4), null, ct);
        await FlagEveryLocationAsync(ct);

        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>
    /// One day of ads flags nothing (no stay is long enough); the flag the analysis would write after more days, so each
    /// dossier has a PDF to ask for. What the dossier shows does not depend on the flag.
    /// </summary>
    private async Task FlagEveryLocationAsync(CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of, active,
                               advertiser_count, short_stay_count, phones_json, ads_json)
            SELECT l.id, 0.9, 'new', '[]', @at, @at, @at, TRUE, 1, 1, '[]', '[]' FROM locations l
            WHERE NOT EXISTS (SELECT 1 FROM flags f WHERE f.location_id = l.id)
            """, new { at = CrawledAt.AddHours(4) }, cancellationToken: ct));
    }

    /// <summary>A client signed in as <paramref name="user"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromMinutes(2),
        };
        (await FormPost.SignInAsync(client, user, Password)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still hold its file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
