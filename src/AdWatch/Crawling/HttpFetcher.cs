using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace AdWatch.Crawling;

/// <summary>
/// Plain-HTTP fetching through <see cref="IHttpClientFactory"/> and the resilience pipeline registered in
/// <see cref="CrawlingServiceCollectionExtensions"/>. Redirects are followed here (each hop checked against the site's
/// hosts), 429/503 Retry-After is backpressure on the host, and bodies are decompressed here under the size cap.
/// </summary>
public sealed class HttpFetcher(IHttpClientFactory clients, HostThrottle throttle, TimeProvider time, IOptions<CrawlingOptions> options) : IPageFetcher
{
    // The cookies each site set (fetch.keepCookies), per site name; the shared handler has cookies off so nothing leaks between sites.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CookieContainer> _jars = new(StringComparer.Ordinal);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        var site = request.Site;
        var url = request.Url;
        // A loop is the same URL with the same cookies: a cookie check sends a client back to the URL it asked for, with a session.
        var seen = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri + "\n" + CookieHeader(site, url) };
        var retries = 0;
        var waits = 0;
        for (var hop = 0; ; hop++)
        {
            if (!site.IsAllowedHost(url))
            {
                return FetchResult.Failed(request.Url, "off-site", $"{url} is not on an allowed host of site '{site.Name}'.", retries: retries);
            }
            // A local (demo or test) site lives at one address: a URL on another port of loopback or the LAN (a database, an
            // admin console) is never its, whatever a page, an ad's image list or an imported file claims.
            if (site.Local && url.Port != site.BaseUri().Port)
            {
                return FetchResult.Failed(request.Url, "off-site", $"{url} is not on the port of local site '{site.Name}' ({site.BaseUri().Port}).",
                    retries: retries);
            }
            if (!site.Local && IPAddress.TryParse(url.Host.Trim('[', ']'), out var literal) && PrivateAddressGuard.IsPrivate(literal))
            {
                return FetchResult.Failed(request.Url, "private-address", $"{url.Host} is a private address; the site is not marked local.");
            }

            var (response, error, attemptRetries) = await SendAsync(request, url, ct);
            retries += attemptRetries;
            if (error is not null)
            {
                return error with { Retries = retries, BackpressureWaits = waits };
            }
            using (response)
            {
                var status = (int)response!.StatusCode;
                if (status is 429 or 503 && (status == 429 || response.Headers.RetryAfter is not null))
                {
                    if (waits >= options.Value.MaxBackpressureWaits)
                    {
                        return FetchResult.Failed(request.Url, "backpressure", $"Still {status} after {waits} Retry-After waits.", status, retries);
                    }
                    waits++;
                    throttle.BlockUntil(HostThrottle.KeyOf(url), site.Politeness, time.GetUtcNow() + RetryAfter(response.Headers.RetryAfter));
                    hop--;
                    continue;
                }
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    var next = new Uri(url, location);
                    if (!seen.Add(next.AbsoluteUri + "\n" + CookieHeader(site, next)))
                    {
                        return FetchResult.Failed(request.Url, "redirect-loop", $"Redirect loop at {next}.", status, retries);
                    }
                    if (hop + 1 > site.Limits.MaxRedirects)
                    {
                        return FetchResult.Failed(request.Url, "too-many-redirects", $"More than {site.Limits.MaxRedirects} redirects.", status, retries);
                    }
                    url = next;
                    continue;
                }
                return await ReadAsync(request, url, response, retries, waits, ct);
            }
        }
    }

    private async Task<(HttpResponseMessage? Response, FetchResult? Error, int Retries)> SendAsync(FetchRequest request, Uri url, CancellationToken ct)
    {
        var site = request.Site;
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.UserAgent.ParseAdd(site.Fetch.UserAgent ?? options.Value.UserAgent);
        message.Headers.AcceptEncoding.ParseAdd("gzip, deflate, br");
        message.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,application/json;q=0.9,*/*;q=0.8"); // JSON listings and ads too
        if (request.IfNoneMatch is not null && url == request.Url)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
        }
        if (request.IfModifiedSince is not null && url == request.Url)
        {
            message.Headers.TryAddWithoutValidation("If-Modified-Since", request.IfModifiedSince);
        }
        foreach (var (name, value) in site.Fetch.Headers)
        {
            message.Headers.Remove(name); // a declared Accept replaces the default
            message.Headers.TryAddWithoutValidation(name, value);
        }
        if (CookieHeader(site, url) is { Length: > 0 } cookie)
        {
            message.Headers.TryAddWithoutValidation("Cookie", cookie);
        }
        var counter = new CrawlHttp.RetryCounter();
        message.Options.Set(CrawlHttp.AllowPrivate, site.Local);
        message.Options.Set(CrawlHttp.Timeout, TimeSpan.FromSeconds(site.Limits.TimeoutSeconds));
        message.Options.Set(CrawlHttp.MaxBytes, site.Limits.MaxBodyBytes);
        message.Options.Set(CrawlHttp.Retries, counter);

        using var turn = await throttle.WaitTurnAsync(HostThrottle.KeyOf(url), site.Politeness, ct);
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await clients.CreateClient(CrawlHttp.ClientName).SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
            if (site.Fetch.KeepCookies && response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                var jar = _jars.GetOrAdd(site.Name, _ => new CookieContainer());
                foreach (var header in set)
                {
                    try
                    {
                        jar.SetCookies(url, header);
                    }
                    catch (CookieException)
                    {
                        // a malformed cookie from a hostile site is ignored, not a failed fetch
                    }
                }
            }
            throttle.Observe(HostThrottle.KeyOf(url), site.Politeness, clock.Elapsed, response.IsSuccessStatusCode || (int)response.StatusCode == 304);
            return (response, null, counter.Count);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            throttle.Observe(HostThrottle.KeyOf(url), site.Politeness, clock.Elapsed, ok: false);
            var failed = ex switch
            {
                BodyTooLargeException => FetchResult.Failed(request.Url, "too-large", ex.Message),
                HttpRequestException { InnerException: PrivateAddressException p } => FetchResult.Failed(request.Url, "private-address", p.Message),
                PrivateAddressException => FetchResult.Failed(request.Url, "private-address", ex.Message),
                TimeoutRejectedException or TaskCanceledException or OperationCanceledException => FetchResult.Failed(request.Url, "timeout", $"No answer within {site.Limits.TimeoutSeconds}s."),
                _ => FetchResult.Failed(request.Url, NetworkFailure.Describe(ex, url)),
            };
            return (null, failed, counter.Count);
        }
    }

    /// <summary>The declared cookies, then the ones the site set (which win on a name clash), for a URL on the site's hosts.</summary>
    private string? CookieHeader(Sites.SiteDefinition site, Uri url)
    {
        if (!site.IsAllowedHost(url))
        {
            return null;
        }
        var kept = site.Fetch.KeepCookies && _jars.TryGetValue(site.Name, out var jar) ? jar.GetCookies(url) : null;
        var parts = new List<string>();
        foreach (var (name, value) in site.Fetch.Cookies)
        {
            if (kept?[name] is null)
            {
                parts.Add($"{name}={value}");
            }
        }
        if (kept is not null)
        {
            parts.AddRange(kept.Select(c => $"{c.Name}={c.Value}"));
        }
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static async Task<FetchResult> ReadAsync(FetchRequest request, Uri url, HttpResponseMessage response, int retries, int waits, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var raw = await response.Content.ReadAsByteArrayAsync(ct);
        byte[] body;
        try
        {
            body = ContentDecoder.Decode(raw, response.Content.Headers.ContentEncoding, request.Site.Limits.MaxBodyBytes);
        }
        catch (BodyTooLargeException ex)
        {
            return FetchResult.Failed(request.Url, "too-large", $"Decompressed body: {ex.Message}", status, retries);
        }
        catch (InvalidDataException ex)
        {
            return FetchResult.Failed(request.Url, "decompression", ex.Message, status, retries);
        }
        var result = new FetchResult
        {
            Url = request.Url,
            FinalUrl = url,
            StatusCode = status,
            Body = body,
            ContentType = response.Content.Headers.ContentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R"),
            Retries = retries,
            BackpressureWaits = waits,
        };
        return status is >= 500 or 408
            ? result with { Error = new FetchError($"http-{status}", $"HTTP {status} after {retries} retries.") }
            : result;
    }

    private TimeSpan RetryAfter(RetryConditionHeaderValue? header)
    {
        var max = TimeSpan.FromSeconds(options.Value.MaxRetryAfterSeconds);
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : TimeSpan.FromMilliseconds(options.Value.DefaultBackpressureMs));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}
