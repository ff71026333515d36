using AdWatch.Geocoding;

namespace AdWatch.Analysis;

/// <summary>Everything the engine reads: ads with their versions, and the phones and places those versions point at.</summary>
public sealed record AnalysisInput(
    IReadOnlyList<InputAd> Ads,
    IReadOnlyDictionary<long, InputPhone> Phones,
    IReadOnlyDictionary<long, InputPlace> Places)
{
    /// <summary>
    /// Addresses analysts recorded for unresolved locations (<c>location_resolutions</c>): the unresolved place's id → the id of
    /// the address's place. The evidence of such a location joins the address's location.
    /// </summary>
    public IReadOnlyDictionary<long, long> Resolutions { get; init; } = new Dictionary<long, long>();
}

/// <summary>One ad as analysis sees it: its versions, each with the UTC days it was observed and what extraction found.</summary>
public sealed record InputAd(long Id, IReadOnlyList<InputVersion> Versions)
{
    /// <summary>The name of the site the ad is on (<c>sites.name</c>): a name on a large part of one site's ads is that site's wording.</summary>
    public string? Site { get; init; }
}

/// <summary>
/// One ad version reduced to what linking and stays need. <see cref="Days"/> are distinct UTC day numbers
/// (days since 1970-01-01), ascending — a million observations shrink to a few hundred thousand of these.
/// </summary>
public sealed record InputVersion(
    long Id,
    int[] Days,
    long[] PhoneIds,
    long[] PlaceIds,
    ulong[] ImageHashes,
    ulong? TextHash,
    string? Name,
    string[] Indicators);

/// <summary>A phone number with the analyst's verdict: <c>ok</c>, <c>generic</c> (a site's service number) or <c>bad</c> (a misread).</summary>
public sealed record InputPhone(long Id, string E164, string Status)
{
    /// <summary>Only <c>ok</c> numbers link ads; generic and bad ones are ignored entirely.</summary>
    public bool Usable => Status == "ok";
}

/// <summary>A geocoded place as stored in <c>places</c>: its row id, its stored key and label, and the <see cref="Geocoding.Place"/> itself.</summary>
public sealed record InputPlace(long Id, string Key, string Label, Place Place)
{
    /// <summary>Address, postcode and street precision pin a house or a handful of houses: only these form locations.</summary>
    public bool FormsLocation => Place.FormsLocation;

    /// <summary>The town this place lies in, for touring and statistics: municipality code, else town name, else key.</summary>
    public string TownKey => Place.MunicipalityCode ?? (Place.Town is { Length: > 0 } town ? "place:" + town.ToUpperInvariant() : Key);

    public string TownLabel => Place.Town ?? Label;
}
