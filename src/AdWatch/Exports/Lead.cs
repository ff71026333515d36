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
    public required string Label { get; init; }
    /// <summary>address, postcode or street.</summary>
    public required string Precision { get; init; }
    public string? Street { get; init; }
    public string? HouseNumber { get; init; }
    public string? Postcode { get; init; }
    public string? Place { get; init; }
    public string? MunicipalityCode { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public DateTimeOffset FirstFlaggedAt { get; init; }
    /// <summary>When the analysis last changed or confirmed this flag.</summary>
    public DateTimeOffset ComputedAt { get; init; }
    public IReadOnlyList<LeadReason> Reasons { get; init; } = [];
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<LeadStay> Stays { get; init; } = [];
    public IReadOnlyList<LeadAd> Ads { get; init; } = [];

    public static string IdOf(long flagId) => "lead-" + flagId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
