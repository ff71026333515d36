using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database and the migrator. Idempotent: features that need the database (geocoding's cache) call it
    /// too, and only the first call registers.
    /// </summary>
    public static IServiceCollection AddAdWatchStorage(this IServiceCollection services, IConfiguration config)
    {
        if (services.Any(d => d.ServiceType == typeof(Database)))
        {
            return services;
        }
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(config, StorageOptions.Section);
        services.AddSingleton<Database>();
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
