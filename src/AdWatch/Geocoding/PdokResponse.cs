using System.Globalization;
using System.Text.Json;
using AdWatch.Extraction;

namespace AdWatch.Geocoding;

/// <summary>Reads a Locatieserver <c>response.docs[]</c> answer (see the recorded examples in the tests).</summary>
internal static class PdokResponse
{
    /// <summary>
    /// The first document as a result. PDOK's own <c>gemeentecode</c> decides the municipality, so a document outside
    /// the region (a filter that was ignored, a stale cache) is kept but marked <c>inRegion=false</c>.
    /// </summary>
    public static GeocodedAddress? FirstResult(string body, string raw, Gazetteer gazetteer)
    {
        using var json = JsonDocument.Parse(body);
        if (!json.RootElement.TryGetProperty("response", out var response)
            || !response.TryGetProperty("docs", out var docs) || docs.ValueKind != JsonValueKind.Array || docs.GetArrayLength() == 0)
        {
            return null;
        }
        var doc = docs[0];
        var code = Text(doc, "gemeentecode") is { Length: 4 } digits ? "GM" + digits : null;
        var (lat, lon) = Point(Text(doc, "centroide_ll"));
        if (code is null && lat is not null)
        {
            code = gazetteer.Locator.Locate(lat.Value, lon!.Value);
        }
        var precision = Text(doc, "type") switch
        {
            "adres" => GeoPrecision.Address,
            "weg" => GeoPrecision.Street,
            "postcode" => GeoPrecision.Postcode,
            "woonplaats" => GeoPrecision.Place,
            "gemeente" => GeoPrecision.Region,
            _ => GeoPrecision.Place,
        };
        // Only an address has BAG ids of its own; a street's document carries none worth keeping.
        var address = precision == GeoPrecision.Address;
        return new GeocodedAddress(raw, new Place(precision, Text(doc, "straatnaam"), Text(doc, "huis_nlt"), Text(doc, "postcode"),
            Text(doc, "woonplaatsnaam"), code, gazetteer.IsInRegion(code), lat, lon,
            address ? BagId(Text(doc, "nummeraanduiding_id")) : null, address ? BagId(Text(doc, "adresseerbaarobject_id")) : null));
    }

    /// <summary>
    /// The gebruiksdoel of the first feature of an OGC API Features (GeoJSON) answer, <c>properties.gebruiksdoel</c> as text
    /// or list, joined with ", "; null when absent or the answer is not such JSON. Values are cut to 200 characters.
    /// </summary>
    public static string? Gebruiksdoel(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array
                || features.GetArrayLength() == 0 || features[0].ValueKind != JsonValueKind.Object
                || !features[0].TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
                || !properties.TryGetProperty("gebruiksdoel", out var value))
            {
                return null;
            }
            var parts = value.ValueKind switch
            {
                JsonValueKind.String => new[] { value.GetString()! },
                JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
                _ => Array.Empty<string>(),
            };
            var text = string.Join(", ", parts.Select(p => p.Trim()).Where(p => p.Length > 0));
            return text.Length == 0 ? null : text.Length <= 200 ? text : text[..200];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A BAG object id is 16 digits (4 municipality, 2 object type, 10 serial); anything else is not kept.</summary>
    internal static string? BagId(string? text) =>
        text is { Length: 16 } id && id.All(char.IsAsciiDigit) ? id : null;

    private static string? Text(JsonElement doc, string name) =>
        doc.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>Parses <c>POINT(lon lat)</c>.</summary>
    private static (double? Lat, double? Lon) Point(string? wkt)
    {
        if (wkt is null || !wkt.StartsWith("POINT(", StringComparison.Ordinal) || !wkt.EndsWith(')'))
        {
            return (null, null);
        }
        var parts = wkt[6..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            ? (lat, lon) : (null, null);
    }
}
