using System.Text;
using AdWatch.Browser;
using AdWatch.Sites;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace AdWatch.Crawling;

/// <summary>
/// Headless Chromium through Playwright for JavaScript sites, leased from the process's one <see cref="ChromiumPool"/>;
/// the lease is retired every <see cref="BrowserOptions.RecycleAfterPages"/> pages, and there is one session (context and tab) per site: the session
/// keeps the site's cookies, such as a passed age gate, across runs, and its tab is reused from page to page. Opening a
/// context and a tab per run cost 0.5–1 s a run on a 2-core machine, more than the pages themselves; each browser site
/// keeps its own session side by side (two sites crawled in turn no longer close each other's), so no cookie crosses sites. Requests to hosts the site does not allow are aborted; on
/// cancellation the lease is retired, so no Chromium is left behind.
/// The rendered HTML goes through the same <see cref="Html.HtmlParse"/>/<see cref="PageReader"/> step as HTTP pages.
/// On every page the consent steps run (<see cref="BrowserSteps"/>); ad pages then run <c>ad.actions</c>, listings their
/// load-more rounds; responses matching <c>fetch.capture</c> during the fetch are appended to the page (<see cref="ResponseRecorder"/>).
/// </summary>
public sealed class BrowserFetcher(IOptions<CrawlingOptions> options, IOptions<BrowserOptions> browserOptions, ChromiumPool pool,
    HostThrottle throttle, ILogger<BrowserFetcher> logger) : IPageFetcher, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    // _gate guards the sessions, the lease and the counters (held briefly); each session's own gate serialises its tab.
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private BrowserLease? _lease;
    private int _pages;
    private int _inUse;

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        var site = request.Site;
        if (!site.IsAllowedHost(request.Url))
        {
            return FetchResult.Failed(request.Url, "off-site", $"{request.Url} is not on an allowed host of site '{site.Name}'.");
        }
        var session = await EnterAsync(site, ct);
        using var cancel = ct.Register(() => _ = TearDownAsync());
        try
        {
            using var turn = await throttle.WaitTurnAsync(HostThrottle.KeyOf(request.Url), site.Politeness, ct);
            var page = session.Page is { IsClosed: false } open ? open : session.Page = await session.Context.NewPageAsync();
            try
            {
                var timeout = site.Limits.TimeoutSeconds * 1000f;
                using var captures = new ResponseRecorder(page, site);
                var response = await page.GotoAsync(request.Url.AbsoluteUri, new PageGotoOptions { Timeout = timeout, WaitUntil = WaitUntilState.DOMContentLoaded });
                await BrowserSteps.ConsentAsync(page, site, timeout);
                if (site.Fetch.WaitForSelector is { } selector)
                {
                    try
                    {
                        await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = timeout });
                    }
                    catch (TimeoutException)
                    {
                        // Read what is there: the detectors and the health gate judge an incomplete page.
                    }
                }
                string? failedAction = null;
                if (request.Kind == PageKind.Ad)
                {
                    failedAction = await BrowserSteps.ActionsAsync(page, site);
                }
                else if (site.Listing.LoadMore is not null)
                {
                    await BrowserSteps.LoadMoreAsync(page, site, captures);
                }
                var finalUrl = new Uri(page.Url);
                if (!site.IsAllowedHost(finalUrl))
                {
                    return FetchResult.Failed(request.Url, "off-site", $"Redirected off-site to {finalUrl}.");
                }
                await captures.SettleAsync(TimeSpan.FromMilliseconds(timeout));
                // Only the fetcher writes capture templates: any the site put in its own markup are removed first.
                await page.EvaluateAsync("() => document.querySelectorAll('template[data-adwatch-capture]').forEach(t => t.remove())");
                var html = Encoding.UTF8.GetBytes(captures.AppendTo(await page.ContentAsync()));
                if (html.LongLength > site.Limits.MaxBodyBytes)
                {
                    return FetchResult.Failed(request.Url, "too-large", $"Rendered page larger than {site.Limits.MaxBodyBytes} bytes.");
                }
                if (failedAction is not null)
                {
                    // The page as it stood is kept with the error snapshot: it shows what the step looked for in vain.
                    return FetchResult.Failed(request.Url, "action-failed", failedAction, response?.Status ?? 200, body: html) with
                    {
                        FinalUrl = finalUrl,
                        ContentType = "text/html; charset=utf-8",
                    };
                }
                return new FetchResult
                {
                    Url = request.Url,
                    FinalUrl = finalUrl,
                    StatusCode = response?.Status ?? 200,
                    Body = html,
                    ContentType = "text/html; charset=utf-8",
                };
            }
            catch (PlaywrightException)
            {
                await DropPageAsync(session); // a crashed or stuck tab is not reused
                throw;
            }
        }
        catch (PlaywrightException ex) when (!ct.IsCancellationRequested)
        {
            return ex.GetType().Name.Contains("Timeout", StringComparison.Ordinal)
                ? FetchResult.Failed(request.Url, "timeout", ex.Message)
                : FetchResult.Failed(request.Url, NetworkFailure.FromBrowser(ex.Message, request.Url));
        }
        finally
        {
            await LeaveAsync(session);
        }
    }

    /// <summary>
    /// Takes the site's session for one page: sessions of different sites work in parallel, one page at a time each.
    /// Chromium is recycled every <see cref="BrowserOptions.RecycleAfterPages"/> pages, but only while no page is in use,
    /// so one site's recycling never closes another site's tab mid-page.
    /// </summary>
    private async Task<Session> EnterAsync(SiteDefinition site, CancellationToken ct)
    {
        Session session;
        await _gate.WaitAsync(ct);
        try
        {
            if (_lease is not null && _inUse == 0 && _pages >= browserOptions.Value.RecycleAfterPages)
            {
                await TearDownAsync(); // Chromium grows over time: a fresh process every N pages
            }
            _pages++;
            session = await SessionAsync(site);
            _inUse++;
        }
        finally
        {
            _gate.Release();
        }
        try
        {
            await session.Gate.WaitAsync(ct);
        }
        catch
        {
            await LeaveAsync(session, holdsGate: false);
            throw;
        }
        return session;
    }

    private async Task LeaveAsync(Session session, bool holdsGate = true)
    {
        if (holdsGate)
        {
            session.Gate.Release();
        }
        await _gate.WaitAsync();
        _inUse--;
        _gate.Release();
    }

    private async Task<Session> SessionAsync(SiteDefinition site)
    {
        if (_sessions.TryGetValue(site.Name, out var known))
        {
            return known;
        }
        if (_lease is null)
        {
            _pages = 1;
            _lease = await pool.LeaseAsync(CancellationToken.None);
        }
        logger.LogInformation("Opened a Chromium session for {Site}", site.Name);
        var context = await _lease.Browser.NewContextAsync(new BrowserNewContextOptions { UserAgent = site.Fetch.UserAgent ?? options.Value.UserAgent });
        await context.RouteAsync("**/*", async route =>
        {
            // Images, media and fonts are not read (image URLs come from the markup), so they are not downloaded either.
            var ok = route.Request.ResourceType is not ("image" or "media" or "font")
                && Uri.TryCreate(route.Request.Url, UriKind.Absolute, out var u) && (u.Scheme is "data" or "blob" || site.IsAllowedHost(u));
            await (ok ? route.ContinueAsync() : route.AbortAsync());
        });
        var session = new Session(context);
        _sessions[site.Name] = session;
        return session;
    }

    private static async Task DropPageAsync(Session session)
    {
        var page = session.Page;
        session.Page = null;
        try
        {
            if (page is not null)
            {
                await page.CloseAsync();
            }
        }
        catch (PlaywrightException)
        {
            // already gone
        }
    }

    /// <summary>Closes every site's session and retires the lease: the pool closes this Chromium once no one else holds it.</summary>
    private async Task TearDownAsync()
    {
        var (sessions, lease) = (_sessions.Values.ToList(), _lease);
        _sessions.Clear();
        _lease = null;
        foreach (var session in sessions)
        {
            try
            {
                await session.Context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // already gone
            }
        }
        if (lease is not null)
        {
            lease.Retire();
            await lease.DisposeAsync();
        }
    }

    /// <summary>
    /// Ends a run of <paramref name="site"/>: its tab leaves the site's last page (about:blank), so none of the site's
    /// scripts keep running between runs. The session and its cookies stay for the site's next run.
    /// </summary>
    public async Task EndRunAsync(SiteDefinition site)
    {
        await _gate.WaitAsync();
        var known = _sessions.TryGetValue(site.Name, out var session);
        if (known)
        {
            _inUse++;
        }
        _gate.Release();
        if (!known)
        {
            return;
        }
        await session!.Gate.WaitAsync();
        try
        {
            if (session.Page is { IsClosed: false } page)
            {
                await page.GotoAsync("about:blank");
            }
        }
        catch (PlaywrightException)
        {
            await DropPageAsync(session);
        }
        finally
        {
            await LeaveAsync(session);
        }
    }

    /// <summary>One site's browser context (its cookies: a passed age gate, a consent) and its reused tab.</summary>
    private sealed class Session(IBrowserContext context)
    {
        public IBrowserContext Context { get; } = context;

        public IPage? Page { get; set; }

        public SemaphoreSlim Gate { get; } = new(1, 1);
    }

    /// <summary>Lets go of Chromium now (the pool closes it unless the PDF printer holds it); the next fetch starts a fresh one.</summary>
    public Task ShutdownAsync() => TearDownAsync();

    public async ValueTask DisposeAsync() => await TearDownAsync();
}
