using System.Globalization;
using System.IO.Compression;
using AdWatch.DemoSites.Hosting;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Faults;

/// <summary>Applies a site's current <see cref="DemoFaults"/> in front of its normal handling.</summary>
internal sealed class DemoFaultPipeline(DemoSite site, TimeProvider time)
{
    public const string FaultItem = "demo-fault";

    public async Task InvokeAsync(HttpContext http, Func<Task> next)
    {
        var faults = site.Faults;
        var path = http.Request.Path.Value ?? "/";
        if (!faults.AppliesTo(path))
        {
            await next();
            return;
        }

        if (faults.ResponseDelay > TimeSpan.Zero) await Task.Delay(faults.ResponseDelay, time, http.RequestAborted);
        var url = path + http.Request.QueryString;
        var kind = Decide(faults, url, http);
        http.Items[FaultItem] = kind;
        switch (kind)
        {
            case DemoFaultKind.OffSiteRedirect:
                await DemoResponses.RedirectAsync(http, new Uri(faults.OffSiteTarget, url.TrimStart('/')).AbsoluteUri);
                break;
            case DemoFaultKind.RedirectLoop:
                var loopTarget = http.Request.Query.ContainsKey("lus") ? path
                    : url + (http.Request.QueryString.HasValue ? "&lus=1" : "?lus=1");
                await DemoResponses.RedirectAsync(http, loopTarget);
                break;
            case DemoFaultKind.TermsGate:
                await TermsGateAsync(http, faults.TermsGate!, url);
                break;
            case DemoFaultKind.Throttle:
                await ThrottleAsync(http, faults.Throttle!);
                break;
            case DemoFaultKind.ServerError:
                await DemoResponses.WriteAsync(http, faults.ServerError!.StatusCode, DemoResponses.Html,
                    "<!doctype html><html lang=\"nl\"><head><title>Serverfout</title></head><body><h1>Er ging iets mis</h1></body></html>");
                break;
            case DemoFaultKind.Captcha:
                await DemoResponses.WriteAsync(http, StatusCodes.Status200OK, DemoResponses.Html, DemoCaptchaPage.Html);
                break;
            case DemoFaultKind.GzipBomb:
                await GzipBombAsync(http, faults.GzipBombBytes);
                break;
            case DemoFaultKind.TruncatedBody:
                await TruncateAsync(http, next);
                break;
            default:
                await next();
                break;
        }
    }

    private DemoFaultKind Decide(DemoFaults faults, string url, HttpContext http)
    {
        if (faults.OffSiteRedirect) return DemoFaultKind.OffSiteRedirect;
        if (faults.RedirectLoop) return DemoFaultKind.RedirectLoop;
        if (faults.TermsGate is { } gate && !Passes(gate, http)) return DemoFaultKind.TermsGate;
        if (faults.Throttle is { } throttle && site.ConsumeFault("throttle " + url, throttle.FirstRequests)) return DemoFaultKind.Throttle;
        if (faults.ServerError is { } error && site.ConsumeFault("error " + url, error.FirstRequests)) return DemoFaultKind.ServerError;
        if (faults.Captcha) return DemoFaultKind.Captcha;
        if (faults.GzipBomb && !HttpMethods.IsHead(http.Request.Method)) return DemoFaultKind.GzipBomb;
        if (faults.TruncatedBody && !HttpMethods.IsHead(http.Request.Method)) return DemoFaultKind.TruncatedBody;
        return DemoFaultKind.None;
    }

    private bool Passes(DemoTermsGate gate, HttpContext http)
    {
        if (http.Request.Path.Value is "/voorwaarden")
        {
            return false; // the gate's own page
        }
        var cookies = http.Request.Cookies;
        return cookies.TryGetValue(gate.CookieName, out var terms) && terms == gate.CookieValue
            && (gate.RequiredHeader is not { } header || HasHeader(http, header))
            && (gate.SessionCookie is not { } session || (cookies.TryGetValue(session, out var sid) && site.KnowsSession(sid)));
    }

    private static bool HasHeader(HttpContext http, string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return http.Request.Headers.TryGetValue(header[..colon].Trim(), out var values)
            && values.Contains(header[(colon + 1)..].Trim(), StringComparer.Ordinal);
    }

    private async Task TermsGateAsync(HttpContext http, DemoTermsGate gate, string url)
    {
        if (http.Request.Path.Value is "/voorwaarden")
        {
            await DemoResponses.WriteAsync(http, StatusCodes.Status200OK, DemoResponses.Html,
                "<!doctype html><html lang=\"nl\"><head><title>Voorwaarden</title></head><body><h1>Voorwaarden</h1>"
                + "<p>Deze site is alleen voor volwassenen. Accepteer de voorwaarden om verder te gaan.</p>"
                + "<button id=\"akkoord\">Akkoord</button></body></html>");
            return;
        }
        var cookies = http.Request.Cookies;
        var hasTerms = cookies.TryGetValue(gate.CookieName, out var terms) && terms == gate.CookieValue
            && (gate.RequiredHeader is not { } header || HasHeader(http, header));
        if (hasTerms && gate.SessionCookie is { } session)
        {
            if (cookies.TryGetValue(session, out var sid))
            {
                await DemoResponses.WriteAsync(http, StatusCodes.Status403Forbidden, DemoResponses.Html,
                    "<!doctype html><html lang=\"nl\"><head><title>Sessie verlopen</title></head><body><h1>Sessie onbekend</h1></body></html>");
                return;
            }
            http.Response.Headers.Append("Set-Cookie", $"{session}={site.NewSession()}; Path=/; HttpOnly");
            await DemoResponses.RedirectAsync(http, url); // the cookie check: come back with the session
            return;
        }
        await DemoResponses.RedirectAsync(http, "/voorwaarden");
    }

    private async Task ThrottleAsync(HttpContext http, DemoThrottle throttle)
    {
        http.Response.Headers.RetryAfter = throttle.AsHttpDate
            ? (time.GetUtcNow() + throttle.RetryAfter).ToString("R", CultureInfo.InvariantCulture)
            : ((long)Math.Ceiling(throttle.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await DemoResponses.WriteAsync(http, throttle.StatusCode, DemoResponses.Html,
            "<!doctype html><html lang=\"nl\"><head><title>Even geduld</title></head><body><h1>Te veel verzoeken</h1></body></html>");
    }

    private static async Task GzipBombAsync(HttpContext http, long decompressedBytes)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = DemoResponses.Html;
        http.Response.Headers.ContentEncoding = "gzip";
        var zeros = new byte[64 * 1024];
        try
        {
            // Compressed on the fly: the client's reading speed (backpressure) paces the work, and an abort ends it.
            await using var gzip = new GZipStream(http.Response.Body, CompressionLevel.Optimal, leaveOpen: true);
            for (var left = decompressedBytes; left > 0;)
            {
                var chunk = (int)Math.Min(left, zeros.Length);
                await gzip.WriteAsync(zeros.AsMemory(0, chunk), http.RequestAborted);
                left -= chunk;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client stopped reading, as a well-behaved fetcher should.
        }
    }

    private async Task TruncateAsync(HttpContext http, Func<Task> next)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            http.Response.Body = original;
        }

        var body = buffer.ToArray();
        if (body.Length == 0) return;
        http.Response.ContentLength = body.Length + 4096;
        await original.WriteAsync(body.AsMemory(0, body.Length / 2), http.RequestAborted);
        await original.FlushAsync(http.RequestAborted);
        // Give the partial body a moment to leave before the connection is torn down. Real time on purpose: a fake
        // TimeProvider in a test must not stall this.
        await Task.Delay(TimeSpan.FromMilliseconds(200), http.RequestAborted);
        http.Abort();
    }
}
