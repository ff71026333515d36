using AdWatch.Geocoding;

namespace AdWatch.Tests.Extraction;

/// <summary>Resolves "Harderwijk" to a fixed postcode result; everything else to nothing.</summary>
internal sealed class FakeAddressResolver : IAddressResolver
{
    public List<string> Seen { get; } = [];

    public Task<IReadOnlyList<ResolvedAddress>> ResolveAsync(string text, CancellationToken ct)
    {
        Seen.Add(text);
        IReadOnlyList<ResolvedAddress> result = text.Contains("Harderwijk", StringComparison.Ordinal)
            ? [new ResolvedAddress("3841 AB Harderwijk", null, null, "3841AB", "Harderwijk", "GM0243", true, GeoPrecision.Postcode, 52.349, 5.622)]
            : [];
        return Task.FromResult(result);
    }
}
