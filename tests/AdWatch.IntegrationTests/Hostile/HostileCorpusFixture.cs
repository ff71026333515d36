using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.DemoSites.Hostile;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Hostile;

/// <summary>Runs alone, like <see cref="DashboardCollection"/>: its app's background jobs are waited for, and need not share the machine.</summary>
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

    private TestWebApp? _web;

    public HostileSite Site { get; private set; } = null!;

    public CrawlRunResult Crawl { get; private set; } = null!;

    public int Extracted { get; private set; }

    public string BaseUrl => Web.BaseUrl;

    public IServiceProvider Services => Web.Services;

    private TestWebApp Web => _web ?? throw new InvalidOperationException("not initialised");

    public Database Database => Services.GetRequiredService<Database>();

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Site = await HostileSite.StartAsync(ct);
        _web = await TestWebApp.BuildAsync("adwatch-hostile-", "hostile.db", builder => builder.Logging.SetMinimumLevel(LogLevel.Error), ct);
        Services.GetRequiredService<SiteCatalog>().Put(SiteDefinitionLoader.LoadText(HostileSite.DefinitionYaml(Site.BaseUrl), "hostile.yaml"));
        var users = Services.GetRequiredService<UserStore>();
        await users.AddAsync(Analyst, Role.Analyst, PasswordSignIn.Hash(Analyst, Password), TimeProvider.System.GetUtcNow(), "regio", ct);
        await users.AddAsync(Coordinator, Role.Coordinator, PasswordSignIn.Hash(Coordinator, Password), TimeProvider.System.GetUtcNow(), "regio", ct);

        Crawl = await Services.GetRequiredService<CrawlRunner>().RunAsync(HostileSite.Name, CrawledAt, "test", ct);
        Extracted = await Services.GetRequiredService<ExtractionPass>().RunAsync(ct);
        await Services.GetRequiredService<AnalysisRunner>().RunAsync(CrawledAt.AddHours(4), null, ct);
        await FlagEveryLocationAsync(ct);

        await Web.StartAsync(ct);
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
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }
}
