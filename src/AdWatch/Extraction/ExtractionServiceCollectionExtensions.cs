using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AdWatch.Extraction;

/// <summary>Registers extraction. An <see cref="Geocoding.IAddressResolver"/> must be registered as well (geocoding).</summary>
public static class ExtractionServiceCollectionExtensions
{
    public static IServiceCollection AddAdWatchExtraction(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddOptions<ExtractionOptions>()
            .Bind(config.GetSection(ExtractionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => File.Exists(o.ResolveIndicatorsPath()), "Extraction:IndicatorsPath: indicator lexicon file not found")
            .ValidateOnStart();

        // Pure and thread-safe: one instance each. The lexicon is loaded (and validated) once.
        services.TryAddSingleton<AdTextReader>();
        services.TryAddSingleton<PhoneExtractor>();
        services.TryAddSingleton<ImageFingerprinter>();
        services.TryAddSingleton(sp => IndicatorLexiconLoader.Load(sp.GetRequiredService<IOptions<ExtractionOptions>>().Value.ResolveIndicatorsPath()));

        // Transient: the address resolver they depend on may be scoped (HTTP clients).
        services.TryAddTransient<AdExtractor>();
        services.TryAddTransient<ExtractRunner>();
        return services;
    }
}
