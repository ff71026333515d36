using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.TestSupport;

/// <summary>
/// YAML as JSON, the way a deployment tool or an OpenAPI reader reads it before validating (tests of the deployment files
/// and of the ZGW specs; linked into both test projects): YAML 1.2 core-schema scalars (numbers,
/// booleans, null), anchors and merge keys (<c>&lt;&lt;: *x</c>, which Compose files use), and optionally Compose's
/// <c>${VAR}</c>, <c>${VAR:-default}</c>, <c>${VAR:?message}</c> interpolation of string values (<c>$$</c> is a literal <c>$</c>).
/// </summary>
internal static partial class YamlJson
{
    /// <summary>The first document of <paramref name="yaml"/>; with <paramref name="variables"/>, interpolated.</summary>
    public static JsonNode? Parse(string yaml, IReadOnlyDictionary<string, string>? variables = null)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, variables);
    }

    /// <summary>Every document of a multi-document stream (<c>---</c>), e.g. <c>helm template</c>'s output; empty ones left out.</summary>
    public static IReadOnlyList<JsonNode> ParseAll(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return [.. stream.Documents.Select(d => Convert(d.RootNode, null)).OfType<JsonNode>()];
    }

    private static JsonNode? Convert(YamlNode node, IReadOnlyDictionary<string, string>? variables) => node switch
    {
        YamlMappingNode map => Mapping(map, variables),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(c => Convert(c, variables))]),
        YamlScalarNode scalar => Scalar(scalar, variables),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static JsonObject Mapping(YamlMappingNode map, IReadOnlyDictionary<string, string>? variables)
    {
        var result = new JsonObject();
        var merged = new List<JsonObject>();
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (name == "<<" && ((YamlScalarNode)key).Style == ScalarStyle.Plain)
            {
                var sources = value is YamlSequenceNode many ? many.Children : [value];
                merged.AddRange(sources.Select(s => Mapping((YamlMappingNode)s, variables)));
                continue;
            }
            result[name] = Convert(value, variables);
        }
        foreach (var source in merged)
        {
            foreach (var (name, value) in source)
            {
                if (!result.ContainsKey(name))
                {
                    result[name] = value?.DeepClone();
                }
            }
        }
        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar, IReadOnlyDictionary<string, string>? variables)
    {
        var text = scalar.Value ?? "";
        if (variables is not null)
        {
            text = Interpolate(text, variables);
        }
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }
        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
        }
        if (Integer().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }
        if (Float().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            return JsonValue.Create(d);
        }
        return JsonValue.Create(text);
    }

    /// <summary>Compose interpolation; a <c>${VAR:?message}</c> whose variable is unset or empty throws with the message.</summary>
    public static string Interpolate(string text, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(text, m =>
        {
            if (m.Value == "$$")
            {
                return "$";
            }
            var name = m.Groups["name"].Value;
            var set = variables.TryGetValue(name, out var value) && value.Length > 0;
            return m.Groups["op"].Value switch
            {
                ":-" => set ? value! : m.Groups["arg"].Value,
                ":?" => set ? value! : throw new InvalidOperationException($"${{{name}}} is required: {m.Groups["arg"].Value}"),
                _ => value ?? "",
            };
        });

    [GeneratedRegex(@"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:[-?])(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
