using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>Offline gazetteer and optional online geocoding. Section <c>Geocoding</c> in adwatch.json.</summary>
public sealed class GeocodingOptions : IValidatableObject
{
    public const string Section = "Geocoding";

    /// <summary>
    /// Ask PDOK Locatieserver for street-level results (restricted to the region's municipalities). Off by default:
    /// the embedded default works offline from the gazetteer. Failures always fall back to the offline result.
    /// </summary>
    public bool Online { get; set; }

    /// <summary>PDOK Locatieserver v3_1 search base address; tests point it at a local server.</summary>
    public Uri PdokBaseUrl { get; set; } = new("https://api.pdok.nl/bzk/locatieserver/search/v3_1/");

    /// <summary>
    /// Optional BAG lookup of an address's gebruiksdoel (the Locatieserver does not return it): the <c>items</c> URL of an
    /// OGC API Features collection of verblijfsobjecten, asked <c>?identificatie={adresseerbaarobject id}&amp;f=json</c> and read from
    /// <c>features[0].properties.gebruiksdoel</c> (text or list), e.g. PDOK's BAG OGC API
    /// <c>…/kadaster/bag/ogc/v2/collections/verblijfsobject/items</c>. Off (null) by default; used only when
    /// <see cref="Online"/>. Answers share the cache and rate limit; a failure leaves the gebruiksdoel unknown.
    /// </summary>
    public Uri? BagGebruiksdoelUrl { get; set; }

    /// <summary>Steady request rate to PDOK; bursts up to the same number are allowed.</summary>
    public double RequestsPerSecond { get; set; } = 4;

    /// <summary>How long a cached PDOK answer (table <c>geocode_cache</c>) is reused before it is asked again.</summary>
    public int CacheDays { get; set; } = 180;

    /// <summary>Retries of a transient PDOK failure (5xx, 408, 429, timeouts) before falling back to offline.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Base delay of the exponential retry back-off.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Time allowed for one PDOK attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PdokBaseUrl is null || !PdokBaseUrl.IsAbsoluteUri)
        {
            yield return new ValidationResult("Geocoding:PdokBaseUrl must be an absolute URL.");
        }
        if (BagGebruiksdoelUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("Geocoding:BagGebruiksdoelUrl must be an absolute URL.");
        }
        if (!(RequestsPerSecond is >= 0.1 and <= 50))
        {
            yield return new ValidationResult("Geocoding:RequestsPerSecond must be between 0.1 and 50.");
        }
        if (CacheDays is < 1 or > 3650)
        {
            yield return new ValidationResult("Geocoding:CacheDays must be between 1 and 3650.");
        }
        if (Retries is < 1 or > 10)
        {
            yield return new ValidationResult("Geocoding:Retries must be between 1 and 10.");
        }
        if (RetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult("Geocoding:RetryDelay must not be negative.");
        }
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Geocoding:AttemptTimeout must be positive.");
        }
    }
}

/// <summary>Checks <see cref="GeocodingOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class GeocodingOptionsValidator : IValidateOptions<GeocodingOptions>;
