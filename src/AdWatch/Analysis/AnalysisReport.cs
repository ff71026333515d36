using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

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
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Builds the report from a result; <paramref name="written"/> supplies database ids and review statuses when stored.</summary>
    public static AnalysisReport From(AnalysisResult result, AnalysisOptions options, WrittenAnalysis? written)
    {
        var locations = new List<ReportLocation>();
        foreach (var l in result.Flagged)
        {
            var flag = l.Flag!;
            var locationId = written?.LocationIdByPlace.GetValueOrDefault(l.Place.Id);
            var state = locationId is { } id ? written!.FlagByLocation.GetValueOrDefault(id) : null;
            locations.Add(new ReportLocation(
                locationId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? l.Place.Key,
                l.Place.Label, l.Place.Precision, l.Place.Street, l.Place.HouseNumber, l.Place.Postcode, l.Place.MunicipalityCode,
                l.Place.Lat, l.Place.Lon, flag.Score, flag.Advertisers, flag.ShortStays,
                Time(AnalysisDays.Start(l.FirstDay)), Time(AnalysisDays.Start(l.LastDay + 1).AddSeconds(-1)),
                state?.Status ?? "new",
                [.. flag.Reasons.Select(r => new ReportReason(r.Code, r.Text(options.Language), ReportEvidence.From(r.Evidence)))],
                flag.Phones,
                [.. flag.AdIds.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        }
        var touring = result.Touring.Select(t => new ReportTouring(t.Label, t.Phones, t.Places,
            written?.AdvertiserIdByKey.GetValueOrDefault(t.AdvertiserKey).ToString(System.Globalization.CultureInfo.InvariantCulture) ?? t.AdvertiserKey)).ToList();
        return new AnalysisReport(Time(result.AsOf), options.Region, locations, touring);
    }
}
