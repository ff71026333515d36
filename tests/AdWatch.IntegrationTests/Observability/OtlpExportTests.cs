using System.Collections.Concurrent;
using System.Text;
using AdWatch.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// With <c>Observability:OtlpEndpoint</c> the app sends its metrics and traces there (a stand-in collector on loopback,
/// OTLP over HTTP/protobuf); without it, it sends nothing anywhere.
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();
    private WebApplication _collector = null!;
    private string _collectorUrl = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _collector = builder.Build();
        _collector.MapGet("/advertentie/{id}", () => "ad page");
        _collector.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            _received.Enqueue((context.Request.Path, body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await _collector.StartAsync();
        _collectorUrl = _collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        await _collector.StopAsync();
        await _collector.DisposeAsync();
    }

    [Fact]
    public async Task Otlp_SendsTheAdWatchMetricsAndTraces_ToTheConfiguredEndpoint()
    {
        await using (var app = await HealthApp.StartAsync($$"""
            { "Observability": { "OtlpEndpoint": "{{_collectorUrl}}", "OtlpProtocol": "http/protobuf" } }
            """))
        {
            app.Services.GetRequiredService<AdWatchTelemetry>().Export("zgw", "failed");
            using var client = app.NewClient();
            (await client.GetAsync("/css/site.css", Ct)).EnsureSuccessStatusCode();
            // A dashboard path that names a phone (anonymous: sent to sign-in, traced all the same).
            (await client.GetAsync("/phones/+31612345678/mark", Ct)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
            // An outgoing request, as a crawl makes: its span must not carry the ad's URL.
            using var outgoing = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
            (await outgoing.GetStringAsync(new Uri(_collectorUrl + "/advertentie/ad-7f3e9"), Ct)).ShouldBe("ad page");
        } // stopping the app flushes both exporters

        var metrics = _received.Where(r => r.Path == "/v1/metrics").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        var traces = _received.Where(r => r.Path == "/v1/traces").Select(r => Encoding.UTF8.GetString(r.Body)).ToList();
        metrics.ShouldContain(m => m.Contains("adwatch.exports", StringComparison.Ordinal) && m.Contains("zgw", StringComparison.Ordinal));
        traces.ShouldAllBe(t => t.Contains("adwatch", StringComparison.Ordinal)); // service.name
        traces.ShouldNotContain(t => t.Contains("/health", StringComparison.Ordinal));
        traces.ShouldContain(t => t.Contains("adwatch.url_ref", StringComparison.Ordinal));
        traces.ShouldContain(t => t.Contains("phones/{e164}/mark", StringComparison.Ordinal));
        traces.ShouldNotContain(t => t.Contains("31612345678", StringComparison.Ordinal));
        // The stand-in runs in this process, so its own server span (url.path) is traced too; the client span's url.full is gone.
        traces.ShouldNotContain(t => t.Contains(_collectorUrl + "/advertentie/ad-7f3e9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NothingIsSent_WhenNoEndpointIsConfigured()
    {
        await using (var app = await HealthApp.StartAsync())
        {
            app.Services.GetRequiredService<AdWatchTelemetry>().Export("zgw", "failed");
            using var client = app.NewClient();
            (await client.GetAsync("/css/site.css", Ct)).EnsureSuccessStatusCode();
            app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>().ShouldBeNull();
        }

        _received.ShouldBeEmpty();
    }
}
