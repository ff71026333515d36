namespace AdWatch.Analysis;

/// <summary>
/// What <see cref="AnalysisEngine"/> computes from an <see cref="AnalysisInput"/>: deterministic for the same input, options and
/// as-of.
/// </summary>
public sealed record AnalysisResult(
    DateTimeOffset AsOf,
    IReadOnlyList<ResultAdvertiser> Advertisers,
    IReadOnlyList<ResultOperator> Operators,
    IReadOnlyList<ResultLocation> Locations,
    IReadOnlyList<TouringAdvertiser> Touring,
    IReadOnlyList<MunicipalityStat> Municipalities)
{
    /// <summary>
    /// Unresolved locations whose evidence now lies at another location: place id → the place id it joined (the address an
    /// analyst recorded, or the older unresolved location its evidence cluster merged into). Their flags point there.
    /// </summary>
    public IReadOnlyDictionary<long, long> Merged { get; init; } = new Dictionary<long, long>();

    /// <summary>Locations that meet the flag rule, highest score first.</summary>
    public IEnumerable<ResultLocation> Flagged => Locations
        .Where(l => l.Flag is { Qualifies: true })
        .OrderByDescending(l => l.Flag!.Score).ThenBy(l => l.Place.Key, StringComparer.Ordinal);

    /// <summary>The advertiser an ad belongs to, or null when the ad was not active by the as-of time.</summary>
    public ResultAdvertiser? AdvertiserOf(long adId) => Advertisers.FirstOrDefault(a => a.Ads.Any(l => l.AdId == adId));
}

/// <summary>
/// One advertiser: ads linked by phone, image or near-duplicate text. <see cref="Key"/> (<c>a</c> + the lowest ad id) is stable
/// across runs until the advertiser merges with an older one. <see cref="OperatorPhoneId"/> names the operator phone it shares
/// with clearly different advertisers, if any.
/// </summary>
public sealed record ResultAdvertiser(
    string Key,
    string Label,
    IReadOnlyList<AdLink> Ads,
    IReadOnlyList<long> PhoneIds,
    long? OperatorPhoneId,
    int FirstDay,
    int LastDay)
{
    /// <summary>
    /// Ads that carry only an operator's booking number (no name, no phone of their own, no photo or text tying them to a
    /// persona): kept as evidence about the operator and its locations, never counted as an advertiser, in no rotation or tour.
    /// </summary>
    public bool OperatorOnly { get; init; }

    /// <summary>The identity decisions behind this advertiser (codes <c>phone-change</c>, <c>operator-only</c>, <c>boilerplate-name</c>), Dutch and English.</summary>
    public IReadOnlyList<FlagReason> Identity { get; init; } = [];
}

/// <summary>Why an ad belongs to its advertiser: <c>phone</c>, <c>image</c>, <c>text</c>, <c>name</c> or <c>self</c> (alone), with a confidence 0..1.</summary>
public sealed record AdLink(long AdId, string Kind, double Confidence);

/// <summary>A phone behind several clearly different advertisers (different names and photos): linked, never merged.</summary>
public sealed record ResultOperator(long PhoneId, string E164, IReadOnlyList<string> AdvertiserKeys);

/// <summary>
/// A place at address, postcode or street precision, or an unresolved location (<see cref="Geocoding.GeoPrecision.Unresolved"/>),
/// with the stays of advertisers at it. <see cref="Joins"/> explains which coarser writings joined it and which did not.
/// </summary>
public sealed record ResultLocation(
    InputPlace Place,
    string? LicensedVenue,
    bool InRegion,
    int FirstDay,
    int LastDay,
    IReadOnlyList<ResultStay> Stays,
    ResultFlag? Flag)
{
    public IReadOnlyList<LocationJoin> Joins { get; init; } = [];
}

/// <summary>
/// One identity decision about a location, stored with it (<c>locations.identity_json</c>) and shown in the dossier:
/// ads that named only a coarser place (postcode, street) and were joined to this house — <see cref="Kind"/> says through what
/// (<c>advertiser</c>, <c>phone</c>, <c>image</c>) — or were not (<c>ambiguous</c>: several houses qualify); ads without any
/// address gathered into an unresolved location (<c>unresolved</c>); or an unresolved location's ads joined here because an
/// analyst recorded its address (<c>resolution</c>).
/// </summary>
public sealed record LocationJoin(string Kind, bool Joined, IReadOnlyList<long> AdIds, double Confidence, string Dutch, string English)
{
    public string Text(string language) => language == "en" ? English : Dutch;
}

/// <summary>
/// The contiguous activity of one advertiser at one location, days inclusive. <see cref="LinkKind"/> is the strongest tie
/// of its ads to the location: <c>address</c>; else, for ads naming only a postcode or street, <c>advertiser</c>, <c>phone</c> or <c>image</c>
/// seen at this address; <c>resolution</c> (an unresolved location whose address an analyst recorded); or <c>phone</c>, <c>image</c>
/// or <c>template</c> for ads without an address.
/// </summary>
public sealed record ResultStay(string AdvertiserKey, int StartDay, int EndDay, IReadOnlyList<long> AdIds, string LinkKind, double Confidence)
{
    public int LengthDays => EndDay - StartDay + 1;
}

/// <summary>
/// The score of a location with short stays. <see cref="Qualifies"/> is the flag rule (enough different advertisers on short
/// stays in the window); a location that stops qualifying keeps its flag row, inactive, so its review history survives.
/// </summary>
public sealed record ResultFlag(
    double Score,
    bool Qualifies,
    int Advertisers,
    int ShortStays,
    IReadOnlyList<FlagReason> Reasons,
    IReadOnlyList<string> Phones,
    IReadOnlyList<long> AdIds);

/// <summary>
/// Activity per municipality in the window. Town- and region-level mentions end up only here: a bare town name never
/// makes a location flag, but a municipality still sees how much is advertised in it.
/// </summary>
public sealed record MunicipalityStat(string MunicipalityCode, bool InRegion, int Ads, int Advertisers, int PlaceLevelAds);

/// <summary>An advertiser seen in several towns within the tour window, one of them in the region.</summary>
public sealed record TouringAdvertiser(string AdvertiserKey, string Label, IReadOnlyList<string> Phones, IReadOnlyList<string> Places);
