using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Browser;

public static class BrowserServiceCollectionExtensions
{
    /// <summary>The one Chromium pool and its <c>Browser:</c> settings.</summary>
    public static IServiceCollection AddAdWatchBrowser(this IServiceCollection services, IConfiguration config)
    {
        if (services.Any(d => d.ServiceType == typeof(ChromiumPool)))
        {
            return services; // crawling and exports both ask for it
        }
        services.AddValidatedOptions<BrowserOptions, BrowserOptionsValidator>(config, BrowserOptions.Section);
        services.TryAddSingleton<ChromiumPool>();
        return services;
    }
}
