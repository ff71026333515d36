using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdWatch.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>The audit log and the retention purge with its <c>Retention:</c> settings (the schedule that runs it is in Jobs).</summary>
    public static IServiceCollection AddAdWatchPrivacy(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<RetentionOptions, RetentionOptionsValidator>(config, RetentionOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<RetentionPurge>();
        return services;
    }
}
