namespace AdWatch.Analysis;

/// <summary>A flagged location in the <c>analyze --json</c> contract. <see cref="Status"/> is the review status of its flag.</summary>
public sealed record ReportLocation(
    string Id,
    string Label,
    string Precision,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    string? MunicipalityCode,
    double? Lat,
    double? Lon,
    double Score,
    int Advertisers,
    int ShortStays,
    string FirstSeen,
    string LastSeen,
    string Status,
    IReadOnlyList<ReportReason> Reasons,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Ads);
