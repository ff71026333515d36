using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The dashboard's read models and the set-up tokens. Needs storage and geocoding (the region's names).</summary>
    public static IServiceCollection AddAdWatchDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton<SetupTokenStore>();
        services.TryAddSingleton<AuditQuery>();
        services.TryAddSingleton(sp => new OverviewQuery(sp.GetRequiredService<Database>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Gazetteer>()));
        return services;
    }
}
