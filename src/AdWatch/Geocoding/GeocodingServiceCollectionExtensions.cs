using System.Diagnostics;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>Wires the region, the gazetteer, optional PDOK geocoding and <see cref="IAddressResolver"/>.</summary>
public static class GeocodingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RegionOptions"/> (section <c>Region</c>) and <see cref="GeocodingOptions"/> (section
    /// <c>Geocoding</c>), both validated at start; registers the gazetteer (loaded once), the PDOK client with its
    /// resilience handler, <see cref="GeocodeCacheStore"/> and <see cref="IAddressResolver"/> as singletons.
    /// PDOK's cache needs <see cref="Database"/>: storage is registered through the (idempotent) <see cref="StorageServiceCollectionExtensions.AddAdWatchStorage"/>.
    /// </summary>
    public static IServiceCollection AddAdWatchGeocoding(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RegionOptions>()
            .Bind(config.GetSection(RegionOptions.Section))
            .PostConfigure(o =>
            {
                if (o.MunicipalityCodes.Count == 0)
                {
                    o.MunicipalityCodes.AddRange(RegionOptions.VeluweWest);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RegionOptions>, RegionOptionsValidator>());
        services.AddOptions<GeocodingOptions>()
            .Bind(config.GetSection(GeocodingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddAdWatchStorage(config);
        services.TryAddSingleton<GeocodeCacheStore>();
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
        services.TryAddSingleton<PdokGeocoder>();

        services.AddHttpClient(PdokGeocoder.HttpClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AdWatch/1.0 (+https://github.com/adwatch)");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions o, IServiceProvider sp) =>
            {
                var geo = sp.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                o.Retry.MaxRetryAttempts = geo.Retries;
                o.Retry.Delay = geo.RetryDelay;
                o.AttemptTimeout.Timeout = geo.AttemptTimeout;
                o.CircuitBreaker.SamplingDuration = geo.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
                o.TotalRequestTimeout.Timeout = (geo.AttemptTimeout + geo.RetryDelay * 8) * (geo.Retries + 1);
            });

        services.TryAddSingleton<IAddressResolver>(sp => new AddressResolver(
            sp.GetRequiredService<Gazetteer>(),
            sp.GetRequiredService<IOptions<GeocodingOptions>>().Value.Online ? sp.GetRequiredService<PdokGeocoder>() : null,
            sp.GetRequiredService<ILogger<AddressResolver>>()));
        return services;
    }
}
