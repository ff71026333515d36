using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdWatch.Crawling;

/// <summary>
/// Parses JSON from a site (a JSON page, an embedded script, a captured XHR) and reads JSONPath on it with Newtonsoft.Json.
/// The text is hostile: it is bounded in size (<see cref="MaxChars"/>) and depth (<see cref="MaxDepth"/>), a path yields at
/// most <see cref="MaxValues"/> values, and malformed JSON is "no JSON", never an exception.
/// </summary>
public static class JsonValues
{
    public const int MaxChars = 16 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxValues = 10_000;

    /// <summary>The parsed document, or null for empty, oversized, too deep or malformed text.</summary>
    public static JToken? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxChars)
        {
            return null;
        }
        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                MaxDepth = MaxDepth,
                DateParseHandling = DateParseHandling.None, // dates stay as written, like every other field
                FloatParseHandling = FloatParseHandling.Decimal,
            };
            var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Ignore });
            return token;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or OverflowException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The tokens a JSONPath selects, or none when the path does not fit the document.</summary>
    public static IReadOnlyList<JToken> Tokens(JToken root, string path)
    {
        try
        {
            return [.. root.SelectTokens(path).Take(MaxValues)];
        }
        catch (JsonException)
        {
            return []; // e.g. a path that needs an object where the site sent an array
        }
    }

    /// <summary>
    /// The values a JSONPath selects, as text: a scalar as written, an array of scalars as its items, an object or nested
    /// array as compact JSON. Empty strings and nulls are skipped.
    /// </summary>
    public static IEnumerable<string> Strings(JToken root, string path)
    {
        var count = 0;
        foreach (var token in Tokens(root, path))
        {
            IEnumerable<JToken> items = token is JArray array && array.All(t => t is JValue) ? array.Children() : [token];
            foreach (var item in items)
            {
                if (Text(item) is { Length: > 0 } text && count++ < MaxValues)
                {
                    yield return text;
                }
            }
        }
    }

    /// <summary>One token as text (see <see cref="Strings"/>).</summary>
    public static string? Text(JToken token) => token switch
    {
        JValue { Value: null } => null,
        JValue { Value: string s } => s.Trim(),
        JValue { Value: IFormattable f } => f.ToString(null, CultureInfo.InvariantCulture),
        JValue v => v.Value?.ToString(),
        _ => token.ToString(Formatting.None),
    };
}
