using System.Globalization;
using AdWatch.DemoSites.Images;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Hosting;

/// <summary>The request handling of one site (after logging and faults), plus what both sites serve alike.</summary>
internal abstract class DemoSiteApp(DemoSiteContext context)
{
    protected DemoSiteContext Context { get; } = context;

    protected DateOnly Today => Context.Clock.Date;

    public abstract DemoRequestKind Classify(string path);

    public abstract Task HandleAsync(HttpContext http);

    /// <summary>The 1-based page number in query parameter <paramref name="name"/> (1 when absent); false when it is not a positive number.</summary>
    protected static bool TryPage(HttpContext http, string name, out int page)
    {
        var raw = http.Request.Query[name].ToString();
        page = 1;
        return raw.Length == 0 || (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1);
    }

    protected Task RobotsAsync(HttpContext http, string disallowedPrefix) =>
        DemoResponses.WriteAsync(http, StatusCodes.Status200OK, "text/plain; charset=utf-8",
            $"""
            # Demo site: synthetic content only.
            User-agent: *
            Crawl-delay: {Context.Options.CrawlDelaySeconds.ToString(CultureInfo.InvariantCulture)}
            Disallow: {disallowedPrefix}

            User-agent: BadBot
            Disallow: /

            """);

    /// <summary>Serves /img/{id}.png; false when the path is not a valid image path.</summary>
    protected async Task<bool> TryImageAsync(HttpContext http, string path)
    {
        if (!path.StartsWith("/img/", StringComparison.Ordinal) || !path.EndsWith(".png", StringComparison.Ordinal)) return false;
        var id = path["/img/".Length..^".png".Length];
        if (!DemoImageRenderer.IsValidId(id)) return false;
        http.Response.Headers.CacheControl = "public, max-age=86400";
        await DemoResponses.WriteAsync(http, StatusCodes.Status200OK, "image/png", Context.Images.Png(id));
        return true;
    }

    protected static bool IsReadMethod(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
}
