using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdWatch.Geocoding;

namespace AdWatch.Analysis;

/// <summary>
/// The contract of <c>adwatch analyze --json</c>: flagged locations only, highest score first, and touring advertisers.
/// Times ISO-8601 UTC, phones E.164, municipality codes like GM0243, camelCase names.
/// </summary>
public sealed record AnalysisReport(string AsOf, IReadOnlyList<string> Region, IReadOnlyList<ReportLocation> Locations, IReadOnlyList<ReportTouring> Touring)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Dutch text and "+" in phones stay readable
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) }, // precision as stored: "address"
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A flagged location in the <c>analyze --json</c> contract. <see cref="Status"/> is the review status of its flag.</summary>
public sealed record ReportLocation(
    string Id,
    string Label,
    GeoPrecision Precision,
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

/// <summary>A reason in the configured language, with the ads, dates and phones it rests on.</summary>
public sealed record ReportReason(string Code, string Text, ReportEvidence Evidence);

/// <summary>A reason's evidence in the JSON contract: ad ids as strings (like <c>locations[].ads</c>), dates, E.164 phones.</summary>
public sealed record ReportEvidence(IReadOnlyList<string> Ads, IReadOnlyList<string> Dates, IReadOnlyList<string> Phones)
{
    public static ReportEvidence From(ReasonEvidence e) =>
        new([.. e.Ads.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))], e.Dates, e.Phones);
}

/// <summary>A touring advertiser in the <c>analyze --json</c> contract: its label, phones and the towns of the tour; <see cref="AdvertiserId"/> is the database id.</summary>
public sealed record ReportTouring(string Advertiser, IReadOnlyList<string> Phones, IReadOnlyList<string> Places, string AdvertiserId);
