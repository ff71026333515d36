using AdWatch.Storage;
using AdWatch.Web.Cli;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Hosting;

/// <summary>Builds the host every verb runs in: one configuration order, one logging setup, one <c>AddAdWatch</c>.</summary>
internal static class AppHost
{
    /// <summary>The prefix of AdWatch's own environment variables: <c>ADWATCH__Section__Key</c>.</summary>
    public const string EnvironmentPrefix = "ADWATCH__";

    /// <summary>
    /// The sections only the web host binds (job server, dashboard). Every host knows them, so one adwatch.json serves every
    /// verb and <c>adwatch users list</c> does not call <c>Jobs</c> unknown; a test keeps this list complete.
    /// </summary>
    public static readonly BoundSection[] ServeOnlySections =
    [
        new(AdWatch.Jobs.JobsOptions.Section, typeof(AdWatch.Jobs.JobsOptions)),
        new(WebOptions.Section, typeof(WebOptions)),
        new(WebOptions.Section, typeof(AdWatch.Web.Dossier.DossierPageOptions)),
        new(AdWatch.Web.Observability.ObservabilityOptions.Section, typeof(AdWatch.Web.Observability.ObservabilityOptions)),
    ];

    /// <summary>
    /// Configuration order, lowest first: code defaults, adwatch.json, the standard unprefixed <c>Section__Key</c> environment
    /// variables (as containers and Kubernetes set them), <c>ADWATCH__Section__Key</c> variables, then <c>--db</c>. The host's own
    /// defaults add the unprefixed variables before the file; they are added again after it, so a variable beats the file.
    /// <paramref name="service"/>: a long-running <c>serve</c> or <c>demo</c>, whose redirected logs operators collect.
    /// </summary>
    public static void Configure(IHostApplicationBuilder builder, AppSettings settings, bool service = false)
    {
        var configFile = ConfigFile.Resolve(settings.ConfigPath);
        if (configFile is not null)
        {
            builder.Configuration.AddJsonFile(configFile, optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddEnvironmentVariables(prefix: EnvironmentPrefix);
        var provider = builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"];
        if (settings.DatabasePath is not null)
        {
            if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserError($"--db names a SQLite file, but Storage:Provider is 'postgres' (in {configFile ?? "the environment"}). " +
                                    "Leave out --db to use PostgreSQL, or set Storage:Provider to 'sqlite'.", ExitCodes.Usage);
            }
            SqliteFile.Check(settings.DatabasePath, "--db", createFolder: false);
            builder.Configuration.AddInMemoryCollection([
                new($"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}", "sqlite"),
                new($"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}", settings.DatabasePath),
            ]);
        }
        else if (provider is null || string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            SqliteFile.Check(builder.Configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.DatabasePath)}"] is { Length: > 0 } configured
                ? configured : new StorageOptions().DatabasePath, "Storage:DatabasePath", createFolder: true);
        }

        ConsoleLogging.Configure(builder, settings, service);

        // Before every other start-up validation: a misspelled key explains a setting that "does not apply" better than its default's error.
        builder.Services.AddSingleton(new UnknownSettingsCheck.Sources(configFile));
        foreach (var section in ServeOnlySections)
        {
            builder.Services.AddSingleton(section);
        }
        builder.Services.AddSingleton<IValidateOptions<UnknownSettingsCheck.Marker>, UnknownSettingsCheck>();
        builder.Services.AddOptions<UnknownSettingsCheck.Marker>().ValidateOnStart();

        builder.Services.AddAdWatch(builder.Configuration);
    }

    /// <summary>A host for a verb that does not serve HTTP.</summary>
    public static IHost BuildCommandHost(AppSettings settings, Action<IHostApplicationBuilder>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = Directory.GetCurrentDirectory(),
            DisableDefaults = false,
        });
        Configure(builder, settings);
        extra?.Invoke(builder);
        var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }

    /// <summary>
    /// Brings the schema up to date; every verb that touches data calls this first. A process with a job store creates it
    /// (Hangfire installs its own schema when the store is first made) under the migration lock too.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct, _ =>
        {
            services.GetService<Hangfire.JobStorage>();
            return Task.CompletedTask;
        });
}
