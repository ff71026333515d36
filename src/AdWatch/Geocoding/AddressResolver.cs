using AdWatch.Extraction;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdWatch.Geocoding;

/// <summary>
/// Finds address and place mentions in ad text and geocodes them: the offline gazetteer always, PDOK Locatieserver
/// for streets when <see cref="GeocodingOptions.Online"/> is on. Every result carries a precision, a municipality
/// code (when known) and whether it lies in the region, so the analysis can also see advertisers touring elsewhere.
/// Offline, a street with house number is an <see cref="GeoPrecision.Address"/> with postcode or place coordinates
/// (see <see cref="GazetteerGeocoder"/>). Any online failure degrades to the offline result with a logged warning.
/// </summary>
public sealed class AddressResolver : IAddressResolver
{
    private readonly AddressExtractor _extractor;
    private readonly GazetteerGeocoder _offline;
    private readonly PdokGeocoder? _online;
    private readonly ILogger _logger;

    internal AddressResolver(Gazetteer gazetteer, PdokGeocoder? online, ILogger<AddressResolver>? logger)
    {
        _extractor = new AddressExtractor(gazetteer);
        _offline = new GazetteerGeocoder(gazetteer);
        _online = online;
        _logger = logger ?? NullLogger<AddressResolver>.Instance;
    }

    /// <summary>An offline resolver for a region (CLI tools, tests); loads the gazetteer, which takes some milliseconds.</summary>
    public static AddressResolver CreateOffline(RegionOptions region) => new(Gazetteer.Load(region), null, null);

    public Task<IReadOnlyList<ResolvedAddress>> ResolveAsync(string text, CancellationToken ct)
    {
        IReadOnlyList<AddressMention> mentions;
        List<ResolvedAddress> offline;
        try
        {
            mentions = _extractor.Extract(text);
            offline = [.. mentions.Select(_offline.Geocode)];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must not stop the pipeline for one hostile ad; the warning makes the bug visible.
            _logger.LogWarning(ex, "Address extraction failed on a text of {Length} characters", text?.Length ?? 0);
            return Task.FromResult<IReadOnlyList<ResolvedAddress>>([]);
        }
        return _online is null || mentions.Count == 0
            ? Task.FromResult(Distinct(offline))
            : ResolveOnlineAsync(mentions, offline, _online, ct);
    }

    private async Task<IReadOnlyList<ResolvedAddress>> ResolveOnlineAsync(
        IReadOnlyList<AddressMention> mentions, List<ResolvedAddress> offline, PdokGeocoder online, CancellationToken ct)
    {
        var results = new List<ResolvedAddress>(mentions.Count);
        for (var i = 0; i < mentions.Count; i++)
        {
            var (mention, fallback) = (mentions[i], offline[i]);
            if (!online.Wants(mention, fallback))
            {
                results.Add(fallback);
                continue;
            }
            try
            {
                results.Add(await online.GeocodeAsync(mention, ct) ?? fallback);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "PDOK geocoding of {Raw} failed; using the offline result ({Precision})", mention.Raw, fallback.Precision);
                results.Add(fallback);
            }
        }
        return Distinct(results);
    }

    /// <summary>One result per location key, most precise first, in text order within a precision.</summary>
    private static IReadOnlyList<ResolvedAddress> Distinct(IEnumerable<ResolvedAddress> results)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. results.Where(r => seen.Add(r.Key)).OrderBy(r => r.Precision)];
    }
}
