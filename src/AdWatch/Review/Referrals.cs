namespace AdWatch.Review;

/// <summary>The loaded <c>config/referrals.yaml</c>: the region's contacts and, per municipality, those contacts with its overrides.</summary>
public sealed class Referrals(string fileName, ReferralSet region, IReadOnlyDictionary<string, ReferralSet> municipalities)
{
    /// <summary>The file as named in messages.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The region's defaults, for a location in a municipality without overrides or without a municipality.</summary>
    public ReferralSet Region { get; } = region;

    /// <summary>The municipality codes with overrides, as written.</summary>
    public IEnumerable<string> MunicipalityCodes => municipalities.Keys;

    /// <summary>The contacts for a location in <paramref name="municipalityCode"/>: its overrides over the region's defaults.</summary>
    public ReferralSet For(string? municipalityCode) =>
        municipalityCode is not null && municipalities.TryGetValue(municipalityCode, out var set) ? set
            : Region with { MunicipalityCode = municipalityCode };
}
