using AdWatch.Jobs;
using AdWatch.Storage;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Hangfire: on SQLite (embedded default, one process only) or on PostgreSQL (several worker processes, each job once).
/// Only <c>serve</c> (roles all and worker) and <c>demo</c> run a job server; other verbs run their work in the foreground.
/// </summary>
internal static class JobServer
{
    /// <summary>The job store always (a web process enqueues); the server and the schedules only when <paramref name="runJobs"/>.</summary>
    public static void AddJobServer(this WebApplicationBuilder builder, bool runJobs = true)
    {
        builder.Services.AddValidatedOptions<JobsOptions, JobsOptionsValidator>(builder.Configuration, JobsOptions.Section);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var jobs = builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        // This app's job store and job activator, registered before AddHangfire (which only adds them when missing): its
        // defaults read Hangfire's process-wide JobStorage.Current and JobActivator.Current, which the app that configured
        // Hangfire last has set — another app's store, and jobs resolved from another app's services, when two run in one
        // process (as a test run's do).
        builder.Services.AddSingleton<JobStorage>(_ => storage.IsPostgres ? PostgresStore(storage, jobs) : SqliteStore(storage, jobs));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        builder.Services.AddHangfire((services, config) => config
            .UseLogProvider(new HangfireLogs(services.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        builder.Services.AddTransient<CrawlJob>();
        if (!runJobs)
        {
            return;
        }
        builder.Services.AddHostedService<RecurringCrawlRegistrar>();
        builder.Services.AddHostedService<RetentionScheduler>();
        builder.Services.AddHostedService<AlertDigestScheduler>();
        builder.Services.AddHangfireServer(o =>
        {
            o.WorkerCount = jobs.WorkerCount;
            o.SchedulePollingInterval = jobs.PollInterval;
            o.ServerName = $"adwatch:{Environment.MachineName}:{Environment.ProcessId}";
        });
    }

    private static PostgreSqlStorage PostgresStore(StorageOptions storage, JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions { QueuePollInterval = jobs.PollInterval, PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, options), options);
    }

    private static SQLiteStorage SqliteStore(StorageOptions storage, JobsOptions jobs) =>
        new(SqlitePath(storage, jobs), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });

    private static string SqlitePath(StorageOptions storage, JobsOptions jobs)
    {
        var path = Path.GetFullPath(jobs.SqlitePath ?? Path.ChangeExtension(storage.DatabasePath, ".hangfire.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
