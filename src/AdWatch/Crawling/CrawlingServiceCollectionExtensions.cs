using System.Net;
using AdWatch.Browser;
using AdWatch.Observability;
using AdWatch.Sites;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace AdWatch.Crawling;

/// <summary>Registers sites and crawling: the site catalog, run store, fetchers and runner. Captures go to <see cref="ICaptureStore"/> (registered by Evidence).</summary>
public static class CrawlingServiceCollectionExtensions
{
    public static IServiceCollection AddAdWatchCrawling(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<SitesOptions, SitesOptionsValidator>(config, SitesOptions.Section);
        services.AddValidatedOptions<CrawlingOptions, CrawlingOptionsValidator>(config, CrawlingOptions.Section);
        services.AddAdWatchBrowser(config);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SiteCatalog>();
        services.TryAddSingleton<SiteStore>();
        services.TryAddSingleton<CrawlRunStore>();
        services.TryAddSingleton<HostThrottle>();
        services.TryAddSingleton<HttpFetcher>();
        services.TryAddSingleton<BrowserFetcher>();
        services.TryAddSingleton<CrawlRunner>();

        // No HttpClient request logging: it would write every ad's URL to the log (issue 16).
        var http = services.AddHttpClient(CrawlHttp.ClientName).RemoveAllLoggers();
        http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // each hop is checked against the site's hosts in HttpFetcher
                AutomaticDecompression = DecompressionMethods.None, // decoded under a size cap in ContentDecoder
                ConnectCallback = PrivateAddressGuard.ConnectAsync,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            })
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan); // per-attempt timeouts live in the pipeline
        http.AddResilienceHandler("crawl", (builder, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<CrawlingOptions>>().Value;
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, o.RetryCount),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(o.RetryBaseDelayMs),
                    ShouldRetryAfterHeader = false, // Retry-After is host backpressure in HttpFetcher, not a retry
                    ShouldHandle = args => ValueTask.FromResult(o.RetryCount > 0 && IsRetryable(args.Outcome)),
                    OnRetry = args =>
                    {
                        if (args.Context.GetRequestMessage()?.Options.TryGetValue(CrawlHttp.Retries, out var c) == true)
                        {
                            c.Increment();
                        }
                        return default;
                    },
                });
                builder.AddTimeout(new TimeoutStrategyOptions
                {
                    TimeoutGenerator = args => ValueTask.FromResult(
                        args.Context.GetRequestMessage()?.Options.TryGetValue(CrawlHttp.Timeout, out var t) == true ? t : TimeSpan.FromSeconds(30)),
                });
            });
        // A site that is down is an expected result, named once by the run (CrawlRunner): the pipeline's per-attempt retry events
        // (a warning and a stack trace per attempt) are debug detail, for the crawl pipeline only.
        services.PostConfigure<TelemetryOptions>(o =>
        {
            var inner = o.SeverityProvider;
            o.SeverityProvider = args => args.Source.PipelineName?.StartsWith(CrawlHttp.ClientName, StringComparison.Ordinal) == true
                ? ResilienceEventSeverity.Debug
                : inner?.Invoke(args) ?? args.Event.Severity;
        });
        // Added after the resilience handler, so it sits inside it: body reads are retried with the request.
        http.AddHttpMessageHandler(() => new BodyBufferingHandler());
        services.AddAdWatchTelemetry(); // crawl requests, runs and ads found
        return services;
    }

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is { } ex)
        {
            return ex switch
            {
                BodyTooLargeException or PrivateAddressException => false,
                HttpRequestException { InnerException: PrivateAddressException } => false,
                HttpRequestException or IOException or TimeoutRejectedException => true,
                _ => false,
            };
        }
        var status = (int)outcome.Result!.StatusCode;
        // 429, and 503 with Retry-After, are backpressure handled by HttpFetcher; they never spend the retry budget.
        return status == 408 || (status >= 500 && !(status == 503 && outcome.Result.Headers.RetryAfter is not null));
    }
}
