using AdWatch.Alerts;
using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.Enforcement;
using AdWatch.Evidence;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Jobs;
using AdWatch.Observability;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch;

public static class AdWatchServiceCollectionExtensions
{
    /// <summary>Wires every AdWatch feature once, in pipeline order. Each folder owns its own <c>AddAdWatchXxx</c>.</summary>
    public static IServiceCollection AddAdWatch(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAdWatchStorage(config);
        services.AddAdWatchAccounts(config);
        services.AddAdWatchPrivacy(config);
        services.AddAdWatchCrawling(config); // with Sites and the Chromium pool
        services.AddAdWatchEvidence();
        services.AddAdWatchExtraction(config);
        services.AddAdWatchGeocoding(config);
        services.TryAddSingleton<ExtractionPass>(); // extraction plus geocoding over pending versions; fetches photos with Crawling's HttpFetcher
        services.AddAdWatchAnalysis(config);
        services.AddAdWatchReview();
        services.AddAdWatchEnforcement(); // controls and measures on locations, the year in figures
        services.AddAdWatchReferrals(config); // the referral block of every dossier page and PDF
        services.AddAdWatchExports(config);
        services.AddAdWatchAlerts(config);
        services.AddTransient<RetentionJob>(); // the purge and the re-analysis after it
        services.AddTransient<AlertDigestJob>();
        services.AddAdWatchTelemetry(); // the AdWatch meter: extraction passes record here too
        return services;
    }
}
