using System.Net;
using System.Text.Json;
using AdWatch.Observability;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdWatch.Web.Observability;

/// <summary>
/// Health endpoints for probes and, when configured, OpenTelemetry export of the <c>AdWatch</c> meter and activity source
/// (plus ASP.NET Core and HttpClient instrumentation) by OTLP and a Prometheus scraping endpoint. docs/operations.md
/// describes every check, metric and span. One <see cref="AddObservability"/> and one <see cref="MapObservability"/> call.
/// </summary>
internal static class ObservabilitySetup
{
    /// <summary>Checks of <c>/health/live</c>: the process answers, nothing else (a restart would not fix a database outage).</summary>
    public const string LiveTag = "live";

    /// <summary>Checks of <c>/health/ready</c>: what this process needs to do its work.</summary>
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static void AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ObservabilityOptions, ObservabilityOptionsValidator>(builder.Configuration, ObservabilityOptions.Section);
        builder.Services.AddAdWatchTelemetry();
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var timeout = TimeSpan.FromSeconds(Math.Clamp(options.HealthCheckTimeoutSeconds, 1, 60));
        builder.Services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process answers."), tags: [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: timeout)
            .AddCheck<JobStoreHealthCheck>("jobs", tags: [ReadyTag], timeout: timeout)
            .AddCheck<DiskSpaceHealthCheck>("disk", tags: [ReadyTag], timeout: timeout);

        var otlp = options.EffectiveOtlpEndpoint(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        if (otlp is null && !options.Prometheus)
        {
            // No exporter: the SDK is not started at all, so nothing is collected, buffered or sent.
            return;
        }
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("adwatch", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(AdWatchTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, options, otlp, "v1/metrics"));
                }
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp is not null)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(AdWatchTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context => !IsProbe(context.Request.Path);
                    // A path may name a phone (/phones/{e164}/mark): spans keep the route template, never the path itself.
                    o.EnrichWithHttpResponse = (activity, response) => activity.SetTag("url.path",
                        (response.HttpContext.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText);
                })
                // A crawled URL names an ad: spans carry its LogRef (as log lines do), the host stays as server.address.
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    activity.SetTag("url.full", null);
                    activity.SetTag("adwatch.url_ref", request.RequestUri is { } uri ? LogRef.Of(uri.AbsoluteUri) : null);
                })
                .AddOtlpExporter(o => Otlp(o, options, otlp, "v1/traces")));
        }
    }

    /// <summary>
    /// Our endpoint, when <c>Observability:OtlpEndpoint</c> is set (else the exporter's own reading of the OTEL_ variables);
    /// for HTTP/protobuf a programmatic endpoint is taken as-is, so the signal's path is appended here.
    /// </summary>
    private static void Otlp(OpenTelemetry.Exporter.OtlpExporterOptions exporter, ObservabilityOptions options, Uri endpoint, string signalPath)
    {
        if (!string.IsNullOrWhiteSpace(options.OtlpProtocol))
        {
            exporter.Protocol = options.OtlpProtocol == "http/protobuf"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        }
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return;
        }
        exporter.Endpoint = exporter.Protocol == OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : endpoint;
    }

    public static void MapObservability(this WebApplication app)
    {
        var ready = HealthOptions(ReadyTag);
        app.MapHealthChecks("/health/live", HealthOptions(LiveTag)).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        // The endpoint of earlier versions (scripts and probes may still use it): the readiness checks.
        app.MapHealthChecks("/healthz", ready).AllowAnonymous();

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObservabilityOptions>>().Value;
        if (options.Prometheus)
        {
            var allowed = options.AllowedNetworks();
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch => branch.Use((context, next) =>
            {
                if (!MayScrape(context.Connection.RemoteIpAddress, allowed))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            }), optionsName: null).AllowAnonymous();
        }
    }

    /// <summary>Loopback always; otherwise only a client in one of <paramref name="allowed"/>.</summary>
    internal static bool MayScrape(IPAddress? client, IReadOnlyList<IPNetwork> allowed)
    {
        if (client is null)
        {
            return false;
        }
        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return IPAddress.IsLoopback(address) || allowed.Any(n => n.Contains(address));
    }

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/metrics");

    private static HealthCheckOptions HealthOptions(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = WriteAsync,
    };

    /// <summary>Each check's status and short description; no exception text, paths, host names or personal data.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // A check that threw has the exception's message as its description: the type only, never the message.
                description = e.Value.Exception switch
                {
                    null => e.Value.Description,
                    OperationCanceledException => "Timed out.",
                    var x => $"Failed ({x.GetType().Name}).",
                },
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
