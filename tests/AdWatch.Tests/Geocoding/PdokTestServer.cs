using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdWatch.Tests.Geocoding;

/// <summary>A Locatieserver stand-in on 127.0.0.1 (random port) that answers with recorded responses and logs each request.</summary>
internal sealed class PdokTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PdokTestServer(WebApplication app) => _app = app;

    /// <summary>Query strings of the requests to <c>/free</c>, URL-decoded, in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Status code and recorded file (under PdokExamples) to answer with.</summary>
    public (int Status, string File) Answer { get; set; } = (200, "foarsitter_free.json");

    /// <summary>Query strings of the requests to the BAG gebruiksdoel stand-in, URL-decoded, in arrival order.</summary>
    public ConcurrentQueue<string> BagRequests { get; } = new();

    /// <summary>Status code and recorded file (under PdokExamples) the BAG gebruiksdoel stand-in answers with.</summary>
    public (int Status, string File) BagAnswer { get; set; } = (200, "synthetic_bag_verblijfsobject.json");

    /// <summary>The OGC API Features <c>items</c> address of the BAG verblijfsobject stand-in (for <c>Geocoding:BagGebruiksdoelUrl</c>).</summary>
    public string BagUrl => _app.Urls.First() + "/kadaster/bag/ogc/v2/collections/verblijfsobject/items";

    /// <summary>The search base address, deliberately without the trailing slash the configuration examples have.</summary>
    public string BaseUrl => _app.Urls.First() + "/bzk/locatieserver/search/v3_1";

    public static async Task<PdokTestServer> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new PdokTestServer(app);
        app.MapGet("/bzk/locatieserver/search/v3_1/free", async (HttpContext context) =>
        {
            server.Requests.Enqueue(Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
            var (status, file) = server.Answer;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(await File.ReadAllTextAsync(Example(file), context.RequestAborted), context.RequestAborted);
        });
        app.MapGet("/kadaster/bag/ogc/v2/collections/verblijfsobject/items", async (HttpContext context) =>
        {
            server.BagRequests.Enqueue(Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
            var (status, file) = server.BagAnswer;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/geo+json";
            await context.Response.WriteAsync(await File.ReadAllTextAsync(Example(file), context.RequestAborted), context.RequestAborted);
        });
        await app.StartAsync(ct);
        return server;
    }

    /// <summary>Path of a recorded response in the source tree (read in place: no copy to the build output needed).</summary>
    public static string Example(string file) =>
        Path.Combine(RegionFixture.DataFolder, "..", "..", "..", "tests", "AdWatch.Tests", "Geocoding", "PdokExamples", file);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
