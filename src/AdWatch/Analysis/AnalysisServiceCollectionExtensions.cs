using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Analysis;

public static class AnalysisServiceCollectionExtensions
{
    /// <summary>Registers the analysis runner, its store and the <c>Analysis</c> section (<see cref="AnalysisFileOptions"/>).</summary>
    public static IServiceCollection AddAdWatchAnalysis(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AnalysisFileOptions>()
            .Bind(config.GetSection(AnalysisFileOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.RulesFile), "Analysis:RulesFile must name a file (default config/analysis.yaml).")
            .ValidateOnStart();
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<AnalysisRunner>();
        return services;
    }
}
