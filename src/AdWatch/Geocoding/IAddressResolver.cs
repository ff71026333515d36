namespace AdWatch.Geocoding;

/// <summary>
/// Finds address and place mentions in ad text and geocodes them to the configured region. An I/O seam: the
/// online implementation may call PDOK, so extraction tests can fake it.
/// </summary>
public interface IAddressResolver
{
    /// <summary>Every distinct address or place the text names, most precise first. Never throws on hostile text.</summary>
    Task<IReadOnlyList<ResolvedAddress>> ResolveAsync(string text, CancellationToken ct);
}
