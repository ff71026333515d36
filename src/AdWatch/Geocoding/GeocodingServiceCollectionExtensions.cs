using AdWatch.Extraction;
using AdWatch.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>Wires geocoding: optional PDOK over the offline gazetteer, behind <see cref="IGeocoder"/>.</summary>
public static class GeocodingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="GeocodingOptions"/> (section <c>Geocoding</c>), validated at start; registers extraction (whose
    /// gazetteer the offline geocoder reads), the PDOK client with its resilience handler, <see cref="GeocodeCacheStore"/>,
    /// <see cref="IGeocoder"/> (PDOK over the gazetteer when <see cref="GeocodingOptions.Online"/>, else the gazetteer) and
    /// the passes that chain extraction and geocoding. PDOK's cache needs <see cref="Database"/>: storage is registered
    /// through the (idempotent) <see cref="StorageServiceCollectionExtensions.AddAdWatchStorage"/>.
    /// </summary>
    public static IServiceCollection AddAdWatchGeocoding(this IServiceCollection services, IConfiguration config)
    {
        services.AddAdWatchExtraction(config);
        services.AddValidatedOptions<GeocodingOptions, GeocodingOptionsValidator>(config, GeocodingOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.AddAdWatchStorage(config);
        services.TryAddSingleton<GeocodeCacheStore>();
        services.TryAddSingleton<PdokGeocoder>();

        services.AddHttpClient(PdokGeocoder.HttpClientName, (sp, client) =>
            {
                client.DefaultRequestHeaders.UserAgent.ParseAdd("AdWatch/1.0 (+https://github.com/adwatch)");
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
            })
            .RemoveAllLoggers() // its request URLs carry the address asked for
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

        services.TryAddSingleton<IGeocoder>(sp => sp.GetRequiredService<IOptions<GeocodingOptions>>().Value.Online
            ? sp.GetRequiredService<PdokGeocoder>()
            : new GazetteerGeocoder(sp.GetRequiredService<Gazetteer>()));
        services.TryAddSingleton<TypedAddress>(); // an address a user typed, read offline
        services.TryAddSingleton<GeocodingExtractor>();
        services.TryAddSingleton<PlaceStore>();
        services.TryAddSingleton<ExtractionStore>();
        services.TryAddSingleton<PhotoStore>();
        services.TryAddTransient<ExtractRunner>();
        return services;
    }
}
