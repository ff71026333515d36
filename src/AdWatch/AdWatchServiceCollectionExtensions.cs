using AdWatch.Analysis;
using AdWatch.CrawlerHealth;
using AdWatch.Crawling;
using AdWatch.Dossiers;
using AdWatch.Evidence;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Jobs;
using AdWatch.Locations;
using AdWatch.Phones;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
using AdWatch.Touring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch;

public static class AdWatchServiceCollectionExtensions
{
    /// <summary>Wires every AdWatch feature once. Each feature folder owns its own <c>AddAdWatchXxx</c>.</summary>
    public static IServiceCollection AddAdWatch(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAdWatchStorage(config);
        services.AddAdWatchCrawling(config);
        services.AddAdWatchEvidence();
        services.AddAdWatchGeocoding(config);
        services.AddAdWatchExtraction(config);
        services.AddAdWatchAnalysis(config);
        services.AddSingleton<ExtractionPass>();
        services.AddSingleton<ExtractionStore>();
        services.AddSingleton<PlaceStore>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditLog>();
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(config, RetentionOptions.Section);
        services.AddSingleton<RetentionPurge>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<ExportStore>();
        services.AddAdWatchExports(config);
        // Dashboard read models and the review rules (issue 6).
        services.AddSingleton<DossierQuery>();
        services.AddSingleton<FlaggedLocationQuery>();
        services.AddSingleton<PhoneLookup>();
        services.AddSingleton<TouringQuery>();
        services.AddSingleton<CrawlerHealthQuery>();
        services.AddSingleton<ReviewWorkflow>();
        return services;
    }
}
