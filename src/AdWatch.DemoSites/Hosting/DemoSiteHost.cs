using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Images;
using AdWatch.DemoSites.Kontaktbord;
using AdWatch.DemoSites.Lantaarn;
using AdWatch.DemoSites.Nachtlicht;
using AdWatch.DemoSites.Scenario;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Hosting;

/// <summary>
/// Runs the three demo sites on 127.0.0.1 (separate ports) for one <see cref="DemoScenario"/>. What they serve is a function of
/// <see cref="SimulatedDate"/>; each site has its own switchable <see cref="DemoSite.Faults"/> and request log.
/// </summary>
public sealed class DemoSiteHost : IAsyncDisposable
{
    private readonly SimulatedClock _clock;
    private readonly WebApplication[] _apps;
    private int _disposed;

    private DemoSiteHost(DemoScenario scenario, SimulatedClock clock, DemoSite kontaktbord, DemoSite nachtlicht, DemoSite lantaarn, WebApplication[] apps)
    {
        Scenario = scenario;
        _clock = clock;
        Kontaktbord = kontaktbord;
        Nachtlicht = nachtlicht;
        Lantaarn = lantaarn;
        _apps = apps;
    }

    /// <summary>The scenario the sites serve.</summary>
    public DemoScenario Scenario { get; }

    /// <summary>Site (a): server-rendered.</summary>
    public DemoSite Kontaktbord { get; }

    /// <summary>Site (b): JavaScript-rendered behind an age gate.</summary>
    public DemoSite Nachtlicht { get; }

    /// <summary>Site (c): a JavaScript beta front end over a JSON API plus a classic server-rendered one, consent modals, phone reveal.</summary>
    public DemoSite Lantaarn { get; }

    /// <summary>The simulated day the sites render; thread-safe, takes effect for the next request.</summary>
    public DateOnly SimulatedDate
    {
        get => _clock.Date;
        set => _clock.Date = value;
    }

    /// <summary>The site of <paramref name="kind"/>.</summary>
    public DemoSite this[DemoSiteKind kind] => kind switch
    {
        DemoSiteKind.Kontaktbord => Kontaktbord,
        DemoSiteKind.Nachtlicht => Nachtlicht,
        DemoSiteKind.Lantaarn => Lantaarn,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown demo site."),
    };

    /// <summary>Starts the sites and returns once they accept connections.</summary>
    public static async Task<DemoSiteHost> StartAsync(DemoScenario scenario, DemoSiteHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new DemoSiteHostOptions();
        options.Validate();
        var clock = new SimulatedClock(options.InitialDate ?? scenario.StartDate);
        var images = new DemoImageRenderer();
        var kontaktbord = new DemoSite(DemoSiteKind.Kontaktbord);
        var nachtlicht = new DemoSite(DemoSiteKind.Nachtlicht);
        var lantaarn = new DemoSite(DemoSiteKind.Lantaarn);
        var apps = new List<WebApplication>();
        try
        {
            apps.Add(await StartSiteAsync(kontaktbord, new KontaktbordApp(new DemoSiteContext(scenario, clock, options, images, kontaktbord)),
                options.KontaktbordPort, options.TimeProvider, cancellationToken));
            apps.Add(await StartSiteAsync(nachtlicht, new NachtlichtApp(new DemoSiteContext(scenario, clock, options, images, nachtlicht)),
                options.NachtlichtPort, options.TimeProvider, cancellationToken));
            apps.Add(await StartSiteAsync(lantaarn, new LantaarnApp(new DemoSiteContext(scenario, clock, options, images, lantaarn)),
                options.LantaarnPort, options.TimeProvider, cancellationToken));
        }
        catch
        {
            foreach (var app in apps) await app.DisposeAsync();
            throw;
        }
        return new DemoSiteHost(scenario, clock, kontaktbord, nachtlicht, lantaarn, [.. apps]);
    }

    /// <summary>Stops the sites; open connections (e.g. a gzip bomb being read) are cut after a short grace period.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        foreach (var app in _apps)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartSiteAsync(DemoSite site, DemoSiteApp siteApp, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var app = LoopbackApp.Build(port, TimeSpan.FromSeconds(2));
        var faults = new DemoFaultPipeline(site, time);
        app.Use((http, next) => LogAsync(http, next, site, siteApp, time));
        app.Use((http, next) => faults.InvokeAsync(http, () => next(http)));
        app.Run(siteApp.HandleAsync);
        await app.StartAsync(cancellationToken);
        site.SetBaseUrl(LoopbackApp.BaseUrl(app));
        return app;
    }

    private static async Task LogAsync(HttpContext http, RequestDelegate next, DemoSite site, DemoSiteApp siteApp, TimeProvider time)
    {
        var at = time.GetUtcNow();
        try
        {
            await next(http);
        }
        finally
        {
            var path = http.Request.Path.Value ?? "/";
            site.Requests.Add(new DemoRequest(at, http.Request.Method, path, http.Request.QueryString.Value ?? "",
                siteApp.Classify(path), http.Response.StatusCode,
                http.Items.TryGetValue(DemoFaultPipeline.FaultItem, out var fault) ? (DemoFaultKind)fault! : DemoFaultKind.None,
                LoggedHeaders(http.Request.Headers)));
        }
    }

    private static readonly string[] HeadersToLog = ["User-Agent", "If-None-Match", "If-Modified-Since", "Cookie", "Accept-Encoding"];

    private static Dictionary<string, string> LoggedHeaders(IHeaderDictionary headers)
    {
        var logged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in HeadersToLog)
            if (headers.TryGetValue(name, out var value)) logged[name] = value.ToString();
        return logged;
    }
}
