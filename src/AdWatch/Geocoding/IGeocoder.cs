using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>
/// Resolves the address mentions extraction found to places. An I/O seam: the online implementation may call PDOK, so
/// tests can fake it. Implementations never throw on odd mentions; online failures fall back to the offline answer.
/// </summary>
public interface IGeocoder
{
    /// <summary>One result per distinct place the mentions name, most precise first, in text order within a precision.</summary>
    Task<IReadOnlyList<GeocodedAddress>> GeocodeAsync(IReadOnlyList<AddressMention> mentions, CancellationToken ct);
}

/// <summary>A mention as the ad wrote it (<see cref="Raw"/>) and the place it resolves to.</summary>
public sealed record GeocodedAddress(string Raw, Place Place)
{
    /// <summary>How the place is shown: its label, else the text as written.</summary>
    public string Label => Place.Label is { Length: > 0 } label ? label : Raw;

    /// <summary>One result per place key, most precise first, in text order within a precision.</summary>
    internal static IReadOnlyList<GeocodedAddress> Distinct(IEnumerable<GeocodedAddress> results)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. results.Where(r => seen.Add(r.Place.Key)).OrderBy(r => r.Place.Precision)];
    }
}
