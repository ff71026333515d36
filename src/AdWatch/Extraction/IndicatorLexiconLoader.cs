using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.Extraction;

/// <summary>
/// Reads and validates config/indicators.yaml. Every problem is an <see cref="IndicatorLexiconException"/> naming
/// the file, the line and the field, so a bad lexicon fails at start, not in the middle of a crawl.
/// </summary>
public static partial class IndicatorLexiconLoader
{
    /// <summary>Languages a pattern list may be given for.</summary>
    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "nl", "en", "es", "pt" };

    /// <summary>Signals computed by code that an entry may name with <c>builtin:</c>.</summary>
    public static readonly IReadOnlySet<string> Builtins = new HashSet<string>(StringComparer.Ordinal) { "obfuscated-phone" };

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "code", "kind", "weight", "source", "builtin", "patterns", "description" };

    public static IndicatorLexicon Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndicatorLexiconException(path, 0, "(file)", e.Message);
        }

        return Parse(yaml, path);
    }

    public static IndicatorLexicon Parse(string yaml, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new IndicatorLexiconException(file, e.Start.Line, "(syntax)", e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new IndicatorLexiconException(file, 1, "(root)", "expected a mapping with an 'indicators' list");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("indicators"), out var list) || list is not YamlSequenceNode entries)
        {
            throw new IndicatorLexiconException(file, root.Start.Line, "indicators", "required, a list of entries");
        }

        var definitions = new List<IndicatorDefinition>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Children.Count; i++)
        {
            var definition = ParseEntry(entries.Children[i], $"indicators[{i}]", file);
            if (!codes.Add(definition.Code))
            {
                throw new IndicatorLexiconException(file, entries.Children[i].Start.Line, $"indicators[{i}].code", $"duplicate code '{definition.Code}'");
            }

            definitions.Add(definition);
        }

        return new IndicatorLexicon(definitions);
    }

    private static IndicatorDefinition ParseEntry(YamlNode node, string at, string file)
    {
        if (node is not YamlMappingNode map)
        {
            throw new IndicatorLexiconException(file, node.Start.Line, at, "expected a mapping");
        }

        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!Fields.Contains(name))
            {
                throw new IndicatorLexiconException(file, key.Start.Line, $"{at}.{name}", $"unknown field; expected one of {string.Join(", ", Fields)}");
            }
        }

        var code = Scalar(map, "code", at, file, required: true)!;
        if (!CodeShape().IsMatch(code))
        {
            throw Error(map, "code", at, file, "must be kebab-case (a-z, 0-9, dashes)");
        }

        var kindText = Scalar(map, "kind", at, file, required: true)!;
        var kind = kindText switch
        {
            "risk" => IndicatorKind.Risk,
            "turnover" => IndicatorKind.Turnover,
            _ => throw Error(map, "kind", at, file, $"'{kindText}' is not 'risk' or 'turnover'"),
        };

        var weightText = Scalar(map, "weight", at, file, required: true)!;
        if (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || weight is < 0 or > 1)
        {
            throw Error(map, "weight", at, file, $"'{weightText}' is not a number between 0 and 1");
        }

        var source = Scalar(map, "source", at, file, required: true)!;
        var builtin = Scalar(map, "builtin", at, file, required: false);
        if (builtin is not null && !Builtins.Contains(builtin))
        {
            throw Error(map, "builtin", at, file, $"'{builtin}' is not one of {string.Join(", ", Builtins)}");
        }

        var patterns = ParsePatterns(map, at, file);
        if (patterns.Count == 0 && builtin is null)
        {
            throw new IndicatorLexiconException(file, map.Start.Line, $"{at}.patterns", "required unless 'builtin' is set");
        }

        return new IndicatorDefinition(code, kind, weight, source, builtin, patterns);
    }

    private static Dictionary<string, IReadOnlyList<string>> ParsePatterns(YamlMappingNode map, string at, string file)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!map.Children.TryGetValue(new YamlScalarNode("patterns"), out var node))
        {
            return result;
        }

        if (node is not YamlMappingNode languages)
        {
            throw new IndicatorLexiconException(file, node.Start.Line, $"{at}.patterns", "expected a mapping of language (nl, en, es, pt) to a list of patterns");
        }

        foreach (var (key, value) in languages.Children)
        {
            var language = (key as YamlScalarNode)?.Value ?? "";
            var field = $"{at}.patterns.{language}";
            if (!Languages.Contains(language))
            {
                throw new IndicatorLexiconException(file, key.Start.Line, field, "unknown language; expected nl, en, es or pt");
            }

            if (value is not YamlSequenceNode list || list.Children.Count == 0)
            {
                throw new IndicatorLexiconException(file, value.Start.Line, field, "expected a non-empty list of patterns");
            }

            var patterns = new List<string>();
            for (var i = 0; i < list.Children.Count; i++)
            {
                var item = list.Children[i];
                if (item is not YamlScalarNode { Value: { Length: > 0 } pattern })
                {
                    throw new IndicatorLexiconException(file, item.Start.Line, $"{field}[{i}]", "expected a non-empty pattern");
                }

                try
                {
                    _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                }
                catch (ArgumentException e)
                {
                    throw new IndicatorLexiconException(file, item.Start.Line, $"{field}[{i}]", $"invalid regular expression: {e.Message}");
                }

                patterns.Add(pattern);
            }

            result[language] = patterns;
        }

        return result;
    }

    private static string? Scalar(YamlMappingNode map, string name, string at, string file, bool required)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(name), out var node))
        {
            return required ? throw new IndicatorLexiconException(file, map.Start.Line, $"{at}.{name}", "required") : null;
        }

        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            throw new IndicatorLexiconException(file, node.Start.Line, $"{at}.{name}", "expected a non-empty value");
        }

        return value.Trim();
    }

    private static IndicatorLexiconException Error(YamlMappingNode map, string name, string at, string file, string problem) =>
        new(file, map.Children[new YamlScalarNode(name)].Start.Line, $"{at}.{name}", problem);

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex CodeShape();
}
