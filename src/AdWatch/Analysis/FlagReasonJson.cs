using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdWatch.Analysis;

/// <summary>The reasons of a flag as stored in <c>flags.reasons_json</c>: code, Dutch and English text, evidence.</summary>
public static class FlagReasonJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Serialize(IReadOnlyList<FlagReason> reasons) => JsonSerializer.Serialize(reasons.Select(r => new Stored(
        r.Code, r.Dutch, r.English, new StoredEvidence([.. r.Evidence.Ads], [.. r.Evidence.Dates], [.. r.Evidence.Phones]))), Options);

    public static IReadOnlyList<FlagReason> Deserialize(string json) =>
        [.. (JsonSerializer.Deserialize<List<Stored>>(json, Options) ?? []).Select(s => new FlagReason(s.Code, s.Text, s.TextEn,
            new ReasonEvidence(s.Evidence?.Ads ?? [], s.Evidence?.Dates ?? [], s.Evidence?.Phones ?? [])))];

    private sealed record Stored(string Code, string Text, [property: JsonPropertyName("textEn")] string TextEn, StoredEvidence? Evidence);

    private sealed record StoredEvidence(long[] Ads, string[] Dates, string[] Phones);
}
