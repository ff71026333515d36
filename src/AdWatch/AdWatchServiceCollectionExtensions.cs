using AdWatch.Accounts;
using AdWatch.Analysis;
using AdWatch.Crawling;
using AdWatch.Evidence;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Jobs;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
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
        services.AddAdWatchAccounts();
        services.AddSingleton<AuditLog>();
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(config, RetentionOptions.Section);
        services.AddSingleton<RetentionPurge>();
        services.AddTransient<RetentionJob>();
        services.AddSingleton<ExportStore>();
        services.AddAdWatchExports(config);
        // The dossier is read by the dossier page and the PDF export, so it stays here; single-page reads live with their page.
        services.AddSingleton<DossierQuery>();
        services.AddSingleton<ReviewWorkflow>();
        return services;
    }
}
