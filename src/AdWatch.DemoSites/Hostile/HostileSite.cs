using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using AdWatch.DemoSites.Hosting;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Hostile;

/// <summary>
/// The <see cref="HostileCorpus"/> as a listing site on 127.0.0.1: <c>/</c> links every case at <c>/ad/NAME</c>, each served
/// with its <see cref="HostileTransport"/>; <c>/img/bomb.png</c> is the <see cref="HostileCorpus.ImageBomb"/>. Its crawler
/// definition is <see cref="DefinitionYaml"/>. Counts the requests per path, so a test can tell what was fetched.
/// </summary>
public sealed class HostileSite : IAsyncDisposable
{
    /// <summary>The site name in its definition and in stored ads.</summary>
    public const string Name = "hostile";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    private HostileSite(WebApplication app) => _app = app;

    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests so far per path (<c>/ad/gzip-bomb</c> → 3 after retries).</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    /// <summary>The ad URL of <paramref name="name"/>.</summary>
    public string AdUrl(string name) => new Uri(BaseUrl, "/ad/" + name).AbsoluteUri;

    /// <summary>Starts the site on a free loopback port.</summary>
    public static async Task<HostileSite> StartAsync(CancellationToken ct = default)
    {
        // The drip is slow on purpose: no minimum response data rate.
        var site = new HostileSite(LoopbackApp.Build(0, TimeSpan.FromSeconds(1), k => k.Limits.MinResponseDataRate = null));
        site._app.Run(site.HandleAsync);
        await site._app.StartAsync(ct);
        site.BaseUrl = LoopbackApp.BaseUrl(site._app);
        return site;
    }

    /// <summary>The crawler definition (<c>crawlers/hostile.yaml</c>) of the site at <paramref name="baseUrl"/>.</summary>
    public static string DefinitionYaml(Uri baseUrl) => $"""
        name: {Name}
        baseUrl: {baseUrl.AbsoluteUri}
        allowedHosts: [127.0.0.1]
        local: true
        fetch:
          mode: http
        listing:
          startUrls: [/]
          adLinkSelector: "ul.ads a.ad-link"
          adUrlPattern: "/ad/[a-z0-9-]+$"
          cardSelector: "li.ad"
        ad:
          idFromUrl: "/ad/([a-z0-9-]+)$"
          fields:
            title: "article.ad-view h1.ad-view__title"
            text: "article.ad-view .ad-view__text"
            images: "article.ad-view img.ad-view__photo@src"
        politeness:
          delayMs: 0
          concurrencyPerHost: 2
        robots:
          obey: true
        limits:
          timeoutSeconds: {HostileCorpus.TimeoutSeconds}
          maxBodyBytes: {HostileCorpus.MaxBodyBytes}
          maxRedirects: 2
        """;

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        _requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (path == "/robots.txt")
        {
            await WriteAsync(http, "text/plain", "User-agent: *\nAllow: /\n"u8.ToArray());
        }
        else if (path == "/")
        {
            var items = string.Concat(HostileCorpus.Cases.Select(c => $"<li class=\"ad\"><a class=\"ad-link\" href=\"/ad/{c.Name}\">{c.Name}</a></li>"));
            await WriteAsync(http, "text/html; charset=utf-8", Encoding.UTF8.GetBytes($"<!doctype html><html><body><ul class=\"ads\">{items}</ul></body></html>"));
        }
        else if (path == "/img/bomb.png")
        {
            await WriteAsync(http, "image/png", HostileCorpus.ImageBomb());
        }
        else if (path.StartsWith("/ad/", StringComparison.Ordinal) && HostileCorpus.Cases.FirstOrDefault(c => "/ad/" + c.Name == path) is { } hostile)
        {
            await ServeAsync(http, hostile);
        }
        else
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static async Task ServeAsync(HttpContext http, HostileCase hostile)
    {
        var body = hostile.Body();
        var ct = http.RequestAborted;
        try
        {
            switch (hostile.Transport)
            {
                case HostileTransport.GzipBomb:
                    http.Response.ContentType = "text/html; charset=utf-8";
                    http.Response.Headers.ContentEncoding = "gzip";
                    await using (var gzip = new GZipStream(http.Response.Body, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        await gzip.WriteAsync(body, ct);
                        var zeros = new byte[64 * 1024];
                        for (var left = 1L << 30; left > 0; left -= zeros.Length)
                        {
                            await gzip.WriteAsync(zeros, ct);
                        }
                    }
                    break;
                case HostileTransport.Truncated:
                    http.Response.ContentType = "text/html; charset=utf-8";
                    http.Response.ContentLength = body.Length + 4096;
                    await http.Response.Body.WriteAsync(body, ct);
                    await http.Response.Body.FlushAsync(ct);
                    http.Abort();
                    break;
                case HostileTransport.Drip:
                    http.Response.ContentType = "text/html; charset=utf-8";
                    for (var second = 0; second < 3 * HostileCorpus.TimeoutSeconds; second++)
                    {
                        await http.Response.Body.WriteAsync(body.AsMemory(0, Math.Min(body.Length, 16)), ct);
                        await http.Response.Body.FlushAsync(ct);
                        await Task.Delay(TimeSpan.FromSeconds(1), ct);
                    }
                    await http.Response.Body.WriteAsync(body, ct);
                    break;
                default:
                    await WriteAsync(http, "text/html; charset=utf-8", body);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The client stopped reading, as a careful fetcher does.
        }
    }

    private static async Task WriteAsync(HttpContext http, string contentType, byte[] body)
    {
        http.Response.ContentType = contentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
