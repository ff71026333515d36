using AdWatch.Crawling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Registers the evidence stores (ads, versions, observations, raw bytes), the crawl's capture store, import and WARC export.</summary>
    public static IServiceCollection AddAdWatchEvidence(this IServiceCollection services)
    {
        services.TryAddSingleton<AdStore>();
        services.TryAddSingleton<EvidenceStore>();
        services.TryAddSingleton<ICaptureStore, CaptureStore>();
        services.TryAddSingleton<AdImporter>();
        services.TryAddSingleton<WarcExporter>();
        return services;
    }
}
