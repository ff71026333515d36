using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database, the migrator and the stores that are not owned by a feature folder.</summary>
    public static IServiceCollection AddAdWatchStorage(this IServiceCollection services, IConfiguration config)
    {
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
