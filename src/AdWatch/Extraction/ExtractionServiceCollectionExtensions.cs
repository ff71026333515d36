using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Extraction;

/// <summary>Registers extraction and its region lexicon (the gazetteer of place names and postcodes).</summary>
public static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ExtractionOptions"/> (section <c>Extraction</c>) and <see cref="RegionOptions"/> (section
    /// <c>Region</c>), both validated at start; registers the gazetteer (loaded once), the readers and extractors.
    /// </summary>
    public static IServiceCollection AddAdWatchExtraction(this IServiceCollection services, IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (services.Any(d => d.ServiceType == typeof(AdExtractor)))
        {
            return services; // geocoding registers extraction too; binding the region twice would double its list
        }
        services.AddValidatedOptions<ExtractionOptions, ExtractionOptionsValidator>(config, ExtractionOptions.Section);
        services.AddValidatedOptions<RegionOptions, RegionOptionsValidator>(config, RegionOptions.Section)
            .PostConfigure(o =>
            {
                if (o.MunicipalityCodes.Count == 0)
                {
                    o.MunicipalityCodes.AddRange(RegionOptions.VeluweWest);
                }
            });
        services.TryAddSingleton(sp =>
        {
            var region = sp.GetRequiredService<IOptions<RegionOptions>>().Value;
            var started = Stopwatch.GetTimestamp();
            var gazetteer = Gazetteer.Load(region);
            sp.GetRequiredService<ILogger<Gazetteer>>().LogInformation(
                "Loaded gazetteer of region {Region} from {Folder}: {Names} names, {Pc6} PC6 postcodes in {Elapsed:0} ms",
                region.Name, region.ResolveDataFolder(), gazetteer.NameCount, gazetteer.Pc6Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return gazetteer;
        });

        // Pure and thread-safe: one instance each. The lexicon is loaded (and validated) once.
        services.TryAddSingleton<AdTextReader>();
        services.TryAddSingleton<PhoneExtractor>();
        services.TryAddSingleton<ImageFingerprinter>();
        services.TryAddSingleton<ImageReencoder>();
        services.TryAddSingleton<ImagePhoneReader>(); // finds tesseract once; without it reads nothing and warns once
        services.TryAddTransient<ImageExtractRunner>(); // adwatch extract --image
        services.TryAddSingleton(sp => new AddressExtractor(sp.GetRequiredService<Gazetteer>()));
        services.TryAddSingleton(sp => IndicatorLexiconLoader.Load(sp.GetRequiredService<IOptions<ExtractionOptions>>().Value.ResolveIndicatorsPath()));
        services.TryAddSingleton<AdExtractor>();
        return services;
    }
}
