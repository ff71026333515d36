using AdWatch.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers the analysis runner, its rules (section <c>Analysis</c>, <see cref="AnalysisFileOptions"/>), its store and job, and
    /// phone marking (which needs Hangfire's job client: resolve it only in a process with a job server or client).
    /// </summary>
    public static IServiceCollection AddAdWatchAnalysis(this IServiceCollection services, IConfiguration config)
    {
        services.AddValidatedOptions<AnalysisFileOptions, AnalysisFileOptionsValidator>(config, AnalysisFileOptions.Section);
        services.AddSingleton<AnalysisRules>();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<AnalysisRunner>();
        services.AddTransient<AnalysisJob>();
        services.AddSingleton<PhoneMarking>();
        services.AddAdWatchTelemetry(); // analysis duration, flags per municipality
        return services;
    }
}
