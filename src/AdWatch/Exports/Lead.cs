namespace AdWatch.Exports;

/// <summary>
/// A lead: an active flag of a location, with what an inspector needs to act on it. This is the shape every export
/// sends (webhook JSON, <c>export leads --format json</c>) and the source of the ZGW zaak and the CSV row.
/// Times are UTC; phones E.164; the municipality code like <c>GM0243</c>.
/// </summary>
public sealed record Lead
{
    /// <summary>Stable id of the lead across exports and re-analyses: <c>lead-{flagId}</c>.</summary>
    public required string LeadId { get; init; }
    public long FlagId { get; init; }
    public long LocationId { get; init; }
    /// <summary>Review status of the flag (new, in_review, inspection_proposed, …).</summary>
    public required string Status { get; init; }
    public double Score { get; init; }
    /// <summary>How the location is named; for an unresolved location "adres onbekend, {town}".</summary>
    public required string Label { get; init; }
    /// <summary>
    /// address, postcode or street; or <c>unresolved</c>: a house inferred from a shared booking phone or the same photos, its
    /// address unknown. Such a lead never carries a street, house number, postcode or point, only its town and municipality.
    /// </summary>
    public required string Precision { get; init; }
    public string? Street { get; init; }
    public string? HouseNumber { get; init; }
    public string? Postcode { get; init; }
    public string? Place { get; init; }
    public string? MunicipalityCode { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    /// <summary>BAG nummeraanduiding id of the address (16 digits) when PDOK geocoded it; null offline and for streets and postcodes.</summary>
    public string? NummeraanduidingId { get; init; }
    /// <summary>BAG id of the adresseerbaar object at that address (usually the verblijfsobject); null when not known.</summary>
    public string? AdresseerbaarObjectId { get; init; }
    /// <summary>The object's BAG gebruiksdoel(en), e.g. <c>woonfunctie</c>, when the optional BAG lookup is on; else null.</summary>
    public string? Gebruiksdoel { get; init; }
    public DateTimeOffset FirstFlaggedAt { get; init; }
    /// <summary>When the analysis last changed or confirmed this flag.</summary>
    public DateTimeOffset ComputedAt { get; init; }
    public IReadOnlyList<LeadReason> Reasons { get; init; } = [];
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<LeadStay> Stays { get; init; } = [];
    public IReadOnlyList<LeadAd> Ads { get; init; } = [];

    /// <summary>The precision of an unresolved location (<see cref="Geocoding.GeoPrecision.Unresolved"/>).</summary>
    public const string UnresolvedPrecision = "unresolved";

    /// <summary>The lead is an unresolved location: its address is unknown, and no export may fill or guess one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AddressUnknown => Precision == UnresolvedPrecision;

    public static string IdOf(long flagId) => "lead-" + flagId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
