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
        return services;
    }
}
