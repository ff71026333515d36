using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>
/// Handles one leased request of a run: fetch, parse, store. Every store write is idempotent, so a request that is
/// handed out again after a crash produces no double ad, version or observation.
/// </summary>
internal sealed class RequestProcessor(
    SiteDefinition site,
    long siteId,
    CrawlRun run,
    IPageFetcher fetcher,
    RobotsGate robots,
    CrawlRunStore runs,
    ICaptureStore captures,
    TimeProvider time)
{
    public async Task<RequestOutcome> ProcessAsync(CrawlRequest request, CancellationToken ct)
    {
        var url = new Uri(request.Url);
        var verdict = await robots.CheckAsync(url, site, ct);
        if (verdict.Unreachable is { } unreachable)
        {
            return await FailAsync(url, FetchResult.Failed(url, unreachable), unreachable.Kind, unreachable.Message, ct);
        }
        if (!verdict.Allowed)
        {
            return Outcome("skipped", null, 0, 0, "skipped", "robots", "Disallowed by robots.txt.");
        }
        return request.Kind == "listing" ? await ListingAsync(request, url, ct) : await AdAsync(request, url, ct);
    }

    private async Task<RequestOutcome> ListingAsync(CrawlRequest request, Uri url, CancellationToken ct)
    {
        var result = await fetcher.FetchAsync(new FetchRequest(url, site) { Kind = PageKind.Listing }, ct);
        if (result.Error is not null || !result.IsSuccess)
        {
            return await FailAsync(url, result, result.Error?.Kind ?? $"http-{result.StatusCode}", result.Error?.Message ?? $"HTTP {result.StatusCode}", ct);
        }
        var page = PageReader.ReadListing(PageContent.From(result.Body, result.ContentType), result.FinalUrl ?? url, site, (int)(request.PageNumber ?? 1));
        if (page.Blocked)
        {
            return await FailAsync(url, result, "blocked", "Blocked/CAPTCHA detector matched.", ct);
        }
        var sighted = await SightUnchangedAsync(page.Cards, ct);
        await runs.EnqueueCardsAsync(run.Id, page.Cards, sighted, "ad", null, ct);
        if (page.NextPage is not null)
        {
            await runs.EnqueueAsync(run.Id, page.NextPage.AbsoluteUri, "listing", (int)(request.PageNumber ?? 1) + 1, ct);
        }
        var outcome = page.AdUrls.Count == 0 && page.DeclaredEmpty ? "empty" : "listing";
        return Outcome("done", result.StatusCode, result.Body.LongLength, result.Retries, outcome, null, null);
    }

    /// <summary>
    /// The revisit rule: a known ad whose card is as it was when its page was last fetched, and whose page was verified at
    /// most <c>listing.reverifyDays</c> before this run's observation time, is seen from the listing and not fetched.
    /// The ad id comes from the URL; for a site whose id is on the page only (<c>ad.idSelector</c>) it is the ad last fetched
    /// from that URL, so a new ad (an unknown URL) is always fetched. Returns the URLs sighted.
    /// </summary>
    private async Task<IReadOnlySet<string>> SightUnchangedAsync(IReadOnlyList<ListingCard> cards, CancellationToken ct)
    {
        var sightedUrls = new HashSet<string>(StringComparer.Ordinal);
        if (site.Listing.ReverifyDays == 0 || cards.Count == 0)
        {
            return sightedUrls;
        }
        var hashed = cards.Where(c => c.CardHash is not null).ToList();
        var idsByUrl = site.Ad.IdSelector is null
            ? null
            : await captures.ExternalIdsByUrlAsync(siteId, [.. hashed.Select(c => c.Url.AbsoluteUri)], ct);
        var byId = new Dictionary<string, ListingCard>(StringComparer.Ordinal);
        foreach (var card in hashed)
        {
            var id = idsByUrl is null ? PageReader.ExternalId(null, card.Url, site) : idsByUrl.GetValueOrDefault(card.Url.AbsoluteUri);
            if (id is not null)
            {
                byId.TryAdd(id, card);
            }
        }
        var known = await captures.KnownCardsAsync(siteId, byId.Keys, ct);
        var window = TimeSpan.FromDays(site.Listing.ReverifyDays);
        var unchanged = byId.Where(e => known.TryGetValue(e.Key, out var k) && k.CardHash == e.Value.CardHash
                && k.VerifiedAt is { } verified && verified <= run.ObservedAt && run.ObservedAt - verified <= window)
            .Select(e => e.Key).ToList();
        var recorded = await captures.RecordSightingsAsync(siteId, unchanged, run.Id, run.ObservedAt, ct);
        foreach (var id in recorded)
        {
            sightedUrls.Add(byId[id].Url.AbsoluteUri);
        }
        return sightedUrls;
    }

    private async Task<RequestOutcome> AdAsync(CrawlRequest request, Uri url, CancellationToken ct)
    {
        var urlId = site.Ad.IdSelector is null ? PageReader.ExternalId(null, url, site) : null;
        var known = urlId is null ? null : await captures.ValidatorsAsync(siteId, urlId, ct);
        var result = await fetcher.FetchAsync(new FetchRequest(url, site, known?.ETag, known?.LastModified), ct);
        var bytes = result.Body.LongLength;

        if (result.NotModified && urlId is not null)
        {
            var seen = await captures.RecordUnchangedAsync(siteId, urlId, run.Id, "crawl", run.ObservedAt, request.CardHash, ct);
            return Outcome("done", 304, bytes, result.Retries, seen is null ? "skipped" : "unchanged", null, null);
        }
        if (result.Error is null && result.StatusCode is 404 or 410)
        {
            if (urlId is not null)
            {
                await captures.MarkGoneAsync(siteId, urlId, run.ObservedAt, ct);
            }
            return Outcome("done", result.StatusCode, bytes, result.Retries, "gone", null, null);
        }
        if (result.Error is not null || !result.IsSuccess)
        {
            return await FailAsync(url, result, result.Error?.Kind ?? $"http-{result.StatusCode}", result.Error?.Message ?? $"HTTP {result.StatusCode}", ct);
        }

        var page = PageReader.ReadAd(PageContent.From(result.Body, result.ContentType), result.FinalUrl ?? url, site);
        if (page.Blocked)
        {
            return await FailAsync(url, result, "blocked", "Blocked/CAPTCHA detector matched.", ct);
        }
        var id = urlId ?? page.ExternalId;
        if (id is null)
        {
            return await FailAsync(url, result, "no-ad-id", "The ad-id rule found no id on this page.", ct);
        }
        if (page.Expired)
        {
            await captures.MarkGoneAsync(siteId, id, run.ObservedAt, ct);
            return Outcome("done", result.StatusCode, bytes, result.Retries, "gone", null, null);
        }
        if (page.Fields.IsEmpty)
        {
            return await FailAsync(url, result, "no-ad-fields",
                "No ad field (title, text, location, phone, date, images) found on the page: not an ad page, or the site's layout changed (check the selectors in its crawler YAML).", ct);
        }
        var stored = await captures.RecordAsync(new AdCapture(siteId, id, url.AbsoluteUri, page.Fields, run.ObservedAt, "crawl", run.Id,
            result.Body, result.ContentType, result.StatusCode, result.ETag, result.LastModified, time.GetUtcNow(), request.CardHash, run.ObservedAt), ct);
        return Outcome("done", result.StatusCode, bytes, result.Retries, stored.Change.ToString().ToLowerInvariant(), null, null);
    }

    private async Task<RequestOutcome> FailAsync(Uri url, FetchResult result, string kind, string message, CancellationToken ct)
    {
        long? evidenceId = result.Body.Length == 0 ? null
            : await captures.SaveFailedPageAsync(result.Body, url.AbsoluteUri, result.ContentType, result.StatusCode, time.GetUtcNow(), ct);
        await runs.SaveErrorSnapshotAsync(run.Id, kind, url.AbsoluteUri, evidenceId, message, time.GetUtcNow(), ct);
        return Outcome("failed", result.StatusCode, result.Body.LongLength, result.Retries, null, kind, message);
    }

    private RequestOutcome Outcome(string status, int? http, long bytes, int retries, string? outcome, string? errorKind, string? message) =>
        new(status, http, bytes, retries, outcome, errorKind, message is { Length: > 500 } ? message[..500] : message, time.GetUtcNow());
}
