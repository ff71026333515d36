using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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
        services.AddOptions<StorageOptions>()
            .Bind(config.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is 'postgres'.")
            .Validate(o => o.IsPostgres || !string.IsNullOrWhiteSpace(o.DatabasePath),
                "Storage:DatabasePath must name a file when Storage:Provider is 'sqlite'.")
            .ValidateOnStart();
        services.AddSingleton<Database>();
        services.AddSingleton<SchemaMigrator>();
        return services;
    }
}
