using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>The review workflow and its store, and the dossier read model (shared by the dossier page and the PDF export), and
    /// the recorded addresses of unresolved locations.</summary>
    public static IServiceCollection AddAdWatchReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<ReviewWorkflow>();
        services.TryAddSingleton<DossierQuery>();
        services.TryAddSingleton<LocationAccess>();
        services.TryAddSingleton<LocationResolutions>();
        return services;
    }
}
