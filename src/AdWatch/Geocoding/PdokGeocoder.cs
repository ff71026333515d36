using System.Globalization;
using System.Text;
using AdWatch.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>
/// PDOK Locatieserver v3_1 <c>free</c> search for street-level results, restricted with <c>fq</c> to the region's
/// municipalities. Answers are cached in <see cref="GeocodeCacheStore"/>; requests are rate limited and go through
/// the named <see cref="HttpClientName"/> client, whose resilience handler retries transient failures.
/// Postcodes and places, and any mention PDOK fails on, get the offline <see cref="GazetteerGeocoder"/> answer (the
/// failure logged as a warning). An address keeps the BAG ids PDOK returns; with
/// <see cref="GeocodingOptions.BagGebruiksdoelUrl"/> set, its object's gebruiksdoel is looked up too (cached alike).
/// </summary>
internal sealed class PdokGeocoder : IGeocoder
{
    public const string HttpClientName = "pdok-locatieserver";
    public const string Provider = "pdok-free";
    public const string GebruiksdoelProvider = "bag-gebruiksdoel";
    private const string Fields = "id,type,weergavenaam,straatnaam,huis_nlt,postcode,woonplaatsnaam,gemeentecode,centroide_ll,score,nummeraanduiding_id,adresseerbaarobject_id";

    private readonly IHttpClientFactory _http;
    private readonly GeocodeCacheStore _cache;
    private readonly GeocodingOptions _options;
    private readonly Gazetteer _gazetteer;
    private readonly TimeProvider _time;
    private readonly TokenBucket _limiter;
    private readonly string _regionFilter;
    private readonly Uri _baseUrl;
    private readonly GazetteerGeocoder _offline;
    private readonly ILogger _logger;

    public PdokGeocoder(IHttpClientFactory http, GeocodeCacheStore cache, IOptions<GeocodingOptions> options, Gazetteer gazetteer, TimeProvider time,
        ILogger<PdokGeocoder>? logger = null)
    {
        _offline = new GazetteerGeocoder(gazetteer);
        _logger = logger ?? NullLogger<PdokGeocoder>.Instance;
        _http = http;
        _cache = cache;
        _options = options.Value;
        // Relative URLs replace the last path segment unless the base ends with a slash ("…/v3_1" + "free").
        var url = _options.PdokBaseUrl.ToString();
        _baseUrl = new Uri(url.EndsWith('/') ? url : url + "/");
        _gazetteer = gazetteer;
        _time = time;
        _limiter = new TokenBucket(_options.RequestsPerSecond, Math.Max(1, (int)Math.Ceiling(_options.RequestsPerSecond)), time);
        // PDOK's gemeentecode has no "GM" prefix.
        _regionFilter = "gemeentecode:(" + string.Join(" OR ", gazetteer.RegionCodes.Order(StringComparer.Ordinal).Select(c => c[2..])) + ")";
    }

    public async Task<IReadOnlyList<GeocodedAddress>> GeocodeAsync(IReadOnlyList<AddressMention> mentions, CancellationToken ct)
    {
        var results = new List<GeocodedAddress>(mentions.Count);
        foreach (var mention in mentions)
        {
            var fallback = _offline.Geocode(mention);
            if (!Wants(mention, fallback.Place))
            {
                results.Add(fallback);
                continue;
            }
            try
            {
                results.Add(await LookUpAsync(mention, ct) ?? fallback);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "PDOK geocoding of an address failed; using the offline result ({Precision})", fallback.Place.Precision);
                results.Add(fallback);
            }
        }
        return GeocodedAddress.Distinct(results);
    }

    /// <summary>Only streets are worth a request: the gazetteer already knows postcodes and places.</summary>
    private static bool Wants(AddressMention mention, Place offline) =>
        mention.Kind is AddressMentionKind.Address or AddressMentionKind.Street && (offline.MunicipalityCode is null || offline.InRegion);

    /// <summary>The best PDOK match, or null when PDOK finds nothing in the region; throws when PDOK fails.</summary>
    private async Task<GeocodedAddress?> LookUpAsync(AddressMention mention, CancellationToken ct)
    {
        var query = RelativeUrl(mention);
        var notBefore = _time.GetUtcNow().AddDays(-_options.CacheDays);
        var body = await _cache.GetAsync(Provider, query, notBefore, ct);
        if (body is null)
        {
            await _limiter.TakeAsync(ct);
            var client = _http.CreateClient(HttpClientName);
            using var response = await client.GetAsync(new Uri(_baseUrl, query), ct);
            body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"PDOK answered {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
            }
            await _cache.PutAsync(Provider, query, body, _time.GetUtcNow(), ct);
        }
        var result = PdokResponse.FirstResult(body, mention.Raw, _gazetteer);
        if (result is { Place.AdresseerbaarObjectId: { } objectId } && _options.BagGebruiksdoelUrl is { } bagUrl)
        {
            result = result with { Place = result.Place with { Gebruiksdoel = await GebruiksdoelAsync(bagUrl, objectId, ct) } };
        }
        return result;
    }

    /// <summary>The object's gebruiksdoel from the optional BAG lookup; null when unknown or when the lookup fails (logged).</summary>
    private async Task<string?> GebruiksdoelAsync(Uri bagUrl, string objectId, CancellationToken ct)
    {
        var url = new UriBuilder(bagUrl) { Query = "identificatie=" + Uri.EscapeDataString(objectId) + "&f=json" }.Uri;
        var query = url.AbsoluteUri;
        try
        {
            var body = await _cache.GetAsync(GebruiksdoelProvider, query, _time.GetUtcNow().AddDays(-_options.CacheDays), ct);
            if (body is null)
            {
                await _limiter.TakeAsync(ct);
                var client = _http.CreateClient(HttpClientName);
                using var response = await client.GetAsync(url, ct);
                body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"BAG lookup answered {(int)response.StatusCode}: {Truncate(body)}", null, response.StatusCode);
                }
                await _cache.PutAsync(GebruiksdoelProvider, query, body, _time.GetUtcNow(), ct);
            }
            return PdokResponse.Gebruiksdoel(body);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "BAG gebruiksdoel lookup failed; the address keeps its BAG ids without it");
            return null;
        }
    }

    /// <summary>The request as a relative URL; also the cache key, so a changed region filter is a new query.</summary>
    internal string RelativeUrl(AddressMention m)
    {
        var q = new StringBuilder(m.Street);
        if (m.HouseNumber is not null)
        {
            q.Append(' ').Append(m.HouseNumber);
        }
        if (m.Postcode is not null)
        {
            q.Append(' ').Append(m.Postcode);
        }
        else if (m.Place is { Kind: not PlaceKind.Region } place && !m.PlaceFromContext)
        {
            q.Append(' ').Append(place.Name);
        }
        var type = m.Kind == AddressMentionKind.Address ? "type:adres" : "type:weg";
        return string.Create(CultureInfo.InvariantCulture,
            $"free?q={Uri.EscapeDataString(q.ToString())}&fq={Uri.EscapeDataString(_regionFilter)}&fq={Uri.EscapeDataString(type)}&fl={Uri.EscapeDataString(Fields)}&rows=1");
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
