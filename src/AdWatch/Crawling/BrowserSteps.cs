using System.Text.RegularExpressions;
using AdWatch.Sites;
using Microsoft.Playwright;

namespace AdWatch.Crawling;

/// <summary>
/// The declared browser steps of a site, run on an open page by <see cref="BrowserFetcher"/>: consent modals that may or
/// may not appear (<c>fetch.consent</c>, and the older <c>fetch.ageGateClick</c> as a step that is checked at once),
/// the ad page's actions (<c>ad.actions</c>) and the listing's load-more rounds (<c>listing.loadMore</c>).
/// </summary>
internal static class BrowserSteps
{
    // What "a button with this text" means: the clickable elements a modal or a reveal uses.
    private const string Clickable = "button, a, [role=button], input[type=button], input[type=submit], summary, label";

    /// <summary>Tries each consent step in order; a step whose button does not appear in time is skipped. Never fails.</summary>
    public static async Task ConsentAsync(IPage page, SiteDefinition site, float timeout)
    {
        var steps = new List<ConsentStep>();
        if (site.Fetch.AgeGateClick is { } gate)
        {
            steps.Add(new ConsentStep { Selector = gate, AppearMs = 0 });
        }
        steps.AddRange(site.Fetch.Consent);
        foreach (var step in steps)
        {
            var target = Locate(page, step.Selector, step.Text).First;
            try
            {
                if (step.AppearMs == 0)
                {
                    if (!await target.IsVisibleAsync())
                    {
                        continue;
                    }
                }
                else
                {
                    await target.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = step.AppearMs });
                }
                await target.ClickAsync(new LocatorClickOptions { Timeout = timeout });
                await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new PageWaitForLoadStateOptions { Timeout = timeout });
            }
            catch (TimeoutException)
            {
                // not shown on this page load: go on
            }
        }
    }

    /// <summary>Runs <c>ad.actions</c>; null when every step did its work (or was optional), else what failed.</summary>
    public static async Task<string?> ActionsAsync(IPage page, SiteDefinition site)
    {
        for (var i = 0; i < site.Ad.Actions.Count; i++)
        {
            var step = site.Ad.Actions[i];
            var failure = await StepAsync(page, step);
            if (failure is not null && !step.Optional)
            {
                return $"ad.actions[{i}] {failure}";
            }
        }
        return null;
    }

    private static async Task<string?> StepAsync(IPage page, BrowserAction step)
    {
        try
        {
            if (step.Click is { } click)
            {
                var target = Locate(page, click.Selector, click.Text).First;
                await target.ClickAsync(new LocatorClickOptions { Timeout = click.TimeoutMs });
            }
            else if (step.WaitFor is { NetworkIdle: true, Selector: null, Text: null } idle)
            {
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = idle.TimeoutMs });
            }
            else if (step.WaitFor is { } wait)
            {
                var target = wait.Selector is not null ? page.Locator(wait.Selector) : page.GetByText(new Regex(wait.Text!, RegexOptions.IgnoreCase));
                await target.First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible, Timeout = wait.TimeoutMs });
            }
            else if (step.Fill is { } fill)
            {
                await page.Locator(fill.Selector!).First.FillAsync(fill.Value, new LocatorFillOptions { Timeout = fill.TimeoutMs });
            }
            else if (step.Scroll is { } scroll)
            {
                for (var n = 0; n < scroll.Times; n++)
                {
                    await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
                    await page.WaitForTimeoutAsync(scroll.PauseMs);
                }
            }
            return null;
        }
        catch (TimeoutException)
        {
            return Describe(step);
        }
    }

    private static string Describe(BrowserAction step) => step switch
    {
        { Click: { } c } => $"click: no clickable element with {c.Describe()} within {c.TimeoutMs} ms.",
        { WaitFor: { } w } => $"waitFor: {w.Describe()} not reached within {w.TimeoutMs} ms.",
        { Fill: { } f } => $"fill: no input '{f.Selector}' within {f.TimeoutMs} ms.",
        _ => "scroll: the page did not scroll.",
    };

    /// <summary>
    /// Load-more rounds on a listing: click (or scroll), then wait for new ad links or captured responses; stops at the cap,
    /// at the stop condition, when the button is gone, or when a round adds nothing. Returns the rounds that added ads.
    /// </summary>
    public static async Task<int> LoadMoreAsync(IPage page, SiteDefinition site, ResponseRecorder captures)
    {
        var more = site.Listing.LoadMore!;
        var pattern = site.Listing.AdUrlPattern is null ? null : new Regex(site.Listing.AdUrlPattern, RegexOptions.None, SelectorAlternative.RegexTimeout);
        var seen = await AdLinksAsync(page, site, pattern) + captures.Count;
        var rounds = 0;
        for (var round = 0; round < more.MaxRounds; round++)
        {
            try
            {
                if (more.StopWhen is { } stop && await Locate(page, stop.Selector, stop.Text).First.IsVisibleAsync())
                {
                    break;
                }
                if (more.Click is { } click)
                {
                    var button = Locate(page, click.Selector, click.Text).First;
                    if (!await button.IsVisibleAsync())
                    {
                        break; // the last page has no button
                    }
                    await button.ClickAsync(new LocatorClickOptions { Timeout = click.TimeoutMs });
                }
                else
                {
                    await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
                }
            }
            catch (TimeoutException)
            {
                break;
            }
            var grown = false;
            for (var waited = 0; waited < more.RoundWaitMs; waited += 100)
            {
                await page.WaitForTimeoutAsync(100);
                var now = await AdLinksAsync(page, site, pattern) + captures.Count;
                if (now > seen)
                {
                    // a round may add its links in more than one step: settle briefly, then count again
                    await page.WaitForTimeoutAsync(100);
                    seen = await AdLinksAsync(page, site, pattern) + captures.Count;
                    grown = true;
                    break;
                }
            }
            if (!grown)
            {
                break;
            }
            rounds++;
        }
        return rounds;
    }

    /// <summary>Distinct ad links on the page now, as the listing reader would find them.</summary>
    private static async Task<int> AdLinksAsync(IPage page, SiteDefinition site, Regex? pattern)
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(site.Listing.AdLinkSelector ?? "a[href]", "els => els.map(e => e.href || '')");
        return hrefs.Where(h => Uri.TryCreate(h, UriKind.Absolute, out var u) && site.IsAllowedHost(u) && (pattern is null || SafeIsMatch(pattern, h)))
            .Distinct(StringComparer.Ordinal).Count();
    }

    private static bool SafeIsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>An element by CSS selector, or a visible clickable element whose text matches the regex.</summary>
    private static ILocator Locate(IPage page, string? selector, string? text) =>
        selector is not null
            ? page.Locator(selector).Filter(new LocatorFilterOptions { Visible = true })
            : page.Locator(Clickable).Filter(new LocatorFilterOptions { HasTextRegex = new Regex(text!, RegexOptions.IgnoreCase), Visible = true });
}
