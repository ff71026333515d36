using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Enforcement;

public static class EnforcementServiceCollectionExtensions
{
    /// <summary>Controls and measures on locations, and the year's figures computed from them.</summary>
    public static IServiceCollection AddAdWatchEnforcement(this IServiceCollection services)
    {
        services.TryAddSingleton<EnforcementStore>();
        services.TryAddSingleton<YearReportQuery>();
        return services;
    }
}
