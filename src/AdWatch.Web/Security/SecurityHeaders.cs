using AdWatch.Web.Hosting;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Security;

/// <summary>
/// Headers on every response. The CSP forbids inline script and style, so nothing an ad smuggles into a page can run or
/// restyle it. A response that already carries a policy keeps it: the ad image endpoint sets a stricter <c>sandbox</c>
/// policy, so a hostile "image" cannot act as a page. Everything but the static assets is <c>no-store</c>.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<WebOptions> options)
{
    private readonly string _csp = BuildCsp(options.Value.TileSource());

    // Hangfire's own dashboard (admins only, no ad content) needs inline script and style.
    private const string HangfireCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                                       "img-src 'self' data:; frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public static string BuildCsp(string? tileSource) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; " +
        $"img-src 'self' data:{(tileSource is null ? "" : " " + tileSource)}; " +
        "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire") ? HangfireCsp : _csp;
            }
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Pages and downloads hold personal data: no browser or proxy keeps a copy (a shared municipal PC, the back
            // button after sign-out). Only the static assets may be cached.
            if (!headers.ContainsKey("Cache-Control") && !IsStaticAsset(context.Request.Path))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }

    private static bool IsStaticAsset(PathString path) => path.StartsWithSegments("/css") || path.StartsWithSegments("/js");
}
