using AdWatch.Accounts;
using AdWatch.Browser;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using AdWatch.Privacy;
using AdWatch.Storage;
using AdWatch.Web.Cli;
using AdWatch.Web.Demo;
using AdWatch.Web.Hosting;
using AdWatch.Web.Security;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real app (<see cref="WebApp.Build"/>) on 127.0.0.1 with a free port and a temp SQLite file holding the demo's
/// synthetic Harderwijk 2023 (HTTP site only, ~10 s), plus the accounts <c>ana</c> (analyst), <c>coco</c> (coordinator)
/// and <c>adam</c> (admin) of the regional coordinator (whole region), and the organisation accounts of
/// <see cref="OrganisationAccounts"/>: an Ermelo analyst and coordinator and a police analyst. Offers Playwright pages already signed in, screenshots and an axe check.
/// Chromium is started on first use: HttpClient-only tests run without it; browser tests are skipped, saying how to install it.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/lib/chromium/chromium";
    public static readonly IReadOnlyDictionary<string, (string Name, string Password)> Accounts = new Dictionary<string, (string, string)>
    {
        [Policies.AnalystRole] = ("ana", "ana-wachtwoord-2024"),
        [Policies.CoordinatorRole] = ("coco", "coco-wachtwoord-2024"),
        [Policies.AdminRole] = ("adam", "adam-wachtwoord-2024"),
    };

    /// <summary>The organisation every account of <see cref="Accounts"/> (and of <see cref="AddUserAsync"/>) belongs to.</summary>
    public const string RegionalOrganisation = "regio";

    /// <summary>Accounts of a municipality and of the police: name → (password, role, organisation).</summary>
    public static readonly IReadOnlyDictionary<string, (string Password, string Role, string Organisation)> OrganisationAccounts =
        new Dictionary<string, (string, string, string)>
        {
            ["erik"] = ("erik-wachtwoord-2024", Policies.AnalystRole, "ermelo"),
            ["eva"] = ("eva-wachtwoord-2024", Policies.CoordinatorRole, "ermelo"),
            ["paul"] = ("paul-wachtwoord-2024", Policies.AnalystRole, "politie"),
        };

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-dashboard-");
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's clock: the real time plus an offset tests may advance.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>E.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public string DatabasePath => Path.Combine(_dir.FullName, "dashboard.db");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = WebApp.Build(new AppSettings(DatabasePath, null), "http://127.0.0.1:0", builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Services.AddTransient<IStartupFilter, TestClientAddress>();
            // Every test signs in from loopback, dozens a minute: the per-client throttle (10 a minute by default) is tested
            // on an app of its own (SignInThrottleTests).
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:SignInAttemptsPerMinute"] = "10000" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await AppHost.MigrateAsync(_app.Services, ct);
        await using (var sites = await DemoSiteHost.StartAsync(Harderwijk2023Scenario.Create(), new DemoSiteHostOptions { CrawlDelaySeconds = 0 }, ct))
        {
            // The JavaScript demo site needs Chromium to crawl; the HTTP site alone yields the same four flags, faster. The
            // dashboard itself keeps the real Chromium for the dossier PDF.
            await using var noBrowser = new ChromiumPool(Options.Create(new BrowserOptions { ChromiumPath = "/nonexistent/chromium" }),
                NullLogger<ChromiumPool>.Instance);
            await ActivatorUtilities.CreateInstance<DemoRunner>(_app.Services, noBrowser).RunAsync(sites, ct);
        }
        var users = _app.Services.GetRequiredService<UserStore>();
        foreach (var (role, (name, password)) in Accounts)
        {
            await users.AddAsync(name, EnumText.Parse<Role>(role), PasswordSignIn.Hash(name, password), Clock.GetUtcNow(), RegionalOrganisation, ct);
        }
        foreach (var (name, (password, role, organisation)) in OrganisationAccounts)
        {
            await users.AddAsync(name, EnumText.Parse<Role>(role), PasswordSignIn.Hash(name, password), Clock.GetUtcNow(), organisation, ct);
        }
        // As the job after each analysis would: the demo's flags as alerts in the accounts' inboxes.
        await _app.Services.GetRequiredService<AdWatch.Alerts.AlertScan>().ScanAsync(ct);
        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>How long a browser action or navigation may take before the test fails.</summary>
    public const float BrowserTimeoutMs = 120_000;

    /// <summary>A new browser context and page, signed in with the account of <paramref name="role"/>, on the overview.</summary>
    public Task<IPage> NewPageAsync(string role, string? culture = null) =>
        SignedInPageAsync(Accounts[role].Name, Accounts[role].Password, culture);

    /// <summary>A new browser context and page, signed in as <paramref name="name"/>, on the overview.</summary>
    public async Task<IPage> SignedInPageAsync(string name, string password, string? culture = null)
    {
        var page = await NewAnonymousPageAsync();
        await page.GotoAsync($"/account/signin{(culture is null ? "" : "?culture=" + culture)}");
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit].primary");
        try
        {
            await page.WaitForURLAsync(BaseUrl + "/"); // within the context's BrowserTimeoutMs
        }
        catch (TimeoutException e)
        {
            var error = await page.Locator("#signin-error").AllTextContentsAsync();
            throw new InvalidOperationException($"Signing in as {name} ended on {page.Url}: {string.Join(" ", error)}", e);
        }
        return page;
    }

    /// <summary>Adds an account of <paramref name="role"/> for one test (so its visits and failures affect no other test).</summary>
    public async Task<string> AddUserAsync(string name, string role)
    {
        var password = name + "-wachtwoord-2024";
        var users = Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(name, TestContext.Current.CancellationToken) is null)
        {
            await users.AddAsync(name, EnumText.Parse<Role>(role), PasswordSignIn.Hash(name, password), Clock.GetUtcNow(), RegionalOrganisation,
                TestContext.Current.CancellationToken);
        }
        return password;
    }

    /// <summary>A new browser context and page without a session.</summary>
    public async Task<IPage> NewAnonymousPageAsync()
    {
        var browser = await BrowserAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "nl-NL" });
        // Playwright's 30 s default ran out once on a loaded CI machine (a page load after sign-in); waits end when the page
        // is there, so a longer limit costs nothing when all is well.
        context.SetDefaultTimeout(BrowserTimeoutMs);
        context.SetDefaultNavigationTimeout(BrowserTimeoutMs);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot to <c>artifacts/screenshots/NAME.png</c> (listed by .ci/run).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Runs axe on the page; fails listing every serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        bad.ShouldBeEmpty(string.Join(Environment.NewLine, bad.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString() + " " + n.Html))}")));
    }

    /// <summary>An HttpClient on the app with its own cookie jar; redirects are NOT followed, so tests see them.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    private async Task<IBrowser> BrowserAsync()
    {
        await _browserLock.WaitAsync();
        try
        {
            if (_browser is null)
            {
                if (!File.Exists(Chromium))
                {
                    // Like every other browser test: reported as skipped, with the reason, on a machine without Chromium
                    // (the README's `dotnet test` on a fresh machine); .ci/run installs it, so CI runs them all.
                    Assert.Skip($"The dashboard browser tests need Debian's Chromium at {Chromium}: install it with `apt-get install -y chromium` (.ci/run does).");
                }
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium,
                    Headless = true,
                    Args = ["--disable-gpu", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
                });
            }
            return _browser;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        _browserLock.Dispose();
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
