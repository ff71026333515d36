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
}
