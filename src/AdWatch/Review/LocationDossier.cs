using AdWatch.Analysis;
using AdWatch.Geocoding;

namespace AdWatch.Review;

/// <summary>
/// Everything an analyst, a coordinator or an inspection needs about one location, read in one go: the place, its flag
/// and reasons (with evidence), the stays timeline, the ads with their captures and evidence hashes, the phones and
/// where else each was seen, linked locations and operators and the review history. The dashboard dossier page and the
/// dossier PDF both render this model, so what is printed is what was on screen. The flag's exports belong to the later
/// Exports stage: the page reads them from its store.
/// </summary>
/// <param name="LocationId">The id of the row in <c>locations</c>.</param>
/// <param name="PlaceId">The id of the row in <c>places</c>.</param>
/// <param name="Label">How the location is shown, as stored with its place (falls back to the ad's own words).</param>
/// <param name="Place">Where the location is: address parts, precision (address, postcode or street), municipality and point.</param>
/// <param name="LicensedVenue">Name of the licensed venue at this place; such a location is never flagged.</param>
/// <param name="FirstSeen">First day of activity at this location (UTC).</param>
/// <param name="LastSeen">Last activity at this location (UTC).</param>
/// <param name="Flag">The flag of this location, or null when it was never flagged.</param>
/// <param name="Reasons">The flag's reasons in Dutch and English with their evidence; empty without a flag.</param>
/// <param name="Stays">Advertiser stays here, oldest first: the rows of the timeline.</param>
/// <param name="Ads">Ads tied to this location (by address, by a strong link of a stay, or as reason evidence), oldest first.</param>
/// <param name="Phones">Phones in those ads, with the other locations where each one was seen.</param>
/// <param name="LinkedLocations">Other locations sharing an advertiser or an operator with this one.</param>
/// <param name="Operators">Operator phones behind more than one advertiser that stayed here.</param>
/// <param name="Reviews">Review history of the flag, oldest first.</param>
public sealed record LocationDossier(
    long LocationId,
    long PlaceId,
    string Label,
    Place Place,
    string? LicensedVenue,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    DossierFlag? Flag,
    IReadOnlyList<FlagReason> Reasons,
    IReadOnlyList<DossierStay> Stays,
    IReadOnlyList<DossierAd> Ads,
    IReadOnlyList<DossierPhone> Phones,
    IReadOnlyList<DossierLinkedLocation> LinkedLocations,
    IReadOnlyList<DossierOperator> Operators,
    IReadOnlyList<ReviewRow> Reviews)
{
    /// <summary>How this location's identity was decided: the writings joined to it and those kept apart (Dutch and English).</summary>
    public IReadOnlyList<LocationJoin> Joins { get; init; } = [];

    /// <summary>The address an analyst recorded for this unresolved location, if any.</summary>
    public DossierResolution? Resolution { get; init; }

    /// <summary>The location this unresolved location's evidence joined (its flag points to that location's flag).</summary>
    public long? MergedIntoLocationId { get; init; }

    /// <summary>A house inferred from shared booking phones or photos, its address unknown: never show an address for it.</summary>
    public bool IsUnresolved => Place.Precision == GeoPrecision.Unresolved;

    /// <summary>True when the location is a licensed venue: show it as licensed, never as flagged.</summary>
    public bool IsLicensed => LicensedVenue is not null;

    /// <summary>The distinct advertisers of the timeline, in order of their first stay (operator-only ads are no advertiser).</summary>
    public IReadOnlyList<DossierStay> Advertisers => [.. Stays.Where(s => !s.OperatorOnly).GroupBy(s => s.AdvertiserId).Select(g => g.First())];

    /// <summary>Per advertiser at this location (operator-only ones included), the identity decisions analysis made about it.</summary>
    public IReadOnlyList<DossierStay> IdentityDecisions => [.. Stays.Where(s => s.Identity.Count > 0).GroupBy(s => s.AdvertiserId).Select(g => g.First())];
}

/// <summary>The address recorded for an unresolved location: its label, the location it has there (after the next run), who and when.</summary>
public sealed record DossierResolution(string Label, long? LocationId, string RecordedBy, DateTimeOffset RecordedAt);
