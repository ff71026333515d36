using AdWatch.Jobs;
using AdWatch.Storage;
using Hangfire;
using Hangfire.PostgreSql;
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

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.IsPostgres)
            {
                config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString),
                    new PostgreSqlStorageOptions { QueuePollInterval = jobs.PollInterval, PrepareSchemaIfNecessary = true });
            }
            else
            {
                config.UseSQLiteStorage(SqlitePath(storage, jobs), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
            }
        });
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

    private static string SqlitePath(StorageOptions storage, JobsOptions jobs)
    {
        var path = Path.GetFullPath(jobs.SqlitePath ?? Path.ChangeExtension(storage.DatabasePath, ".hangfire.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
