using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.Analysis;

/// <summary>
/// Reads <c>config/analysis.yaml</c> into <see cref="AnalysisOptions"/>. The file is walked node by node (not deserialised blindly)
/// so that every error — unknown key, wrong type, value out of range — names the file, the line and the field.
/// </summary>
public static class AnalysisOptionsLoader
{
    /// <summary>Loads and validates the file; a missing file gives the defaults.</summary>
    public static AnalysisOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            return new AnalysisOptions();
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static AnalysisOptions Parse(TextReader text, string fileName)
    {
        var options = new AnalysisOptions();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new AnalysisConfigException($"{fileName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return options;
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new AnalysisConfigException($"{fileName}:{stream.Documents[0].RootNode.Start.Line}: expected a mapping of settings.");
        }
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            lines[key] = keyNode.Start.Line;
            int Int() => ParseInt(value, fileName, key);
            switch (key)
            {
                case "region":
                    throw Error(fileName, keyNode, key, "the region is configured only as Region:MunicipalityCodes in adwatch.json; remove it here.");
                case "windowDays": options.WindowDays = Int(); break;
                case "flagActiveDays": options.FlagActiveDays = Int(); break;
                case "minAdvertisers": options.MinAdvertisers = Int(); break;
                case "shortStayMaxDays": options.ShortStayMaxDays = Int(); break;
                case "gapToleranceDays": options.GapToleranceDays = Int(); break;
                case "touringWindowDays": options.TouringWindowDays = Int(); break;
                case "touringTourDays": options.TouringTourDays = Int(); break;
                case "touringMinPlaces": options.TouringMinPlaces = Int(); break;
                case "imageHammingThreshold": options.ImageHammingThreshold = Int(); break;
                case "textHammingThreshold": options.TextHammingThreshold = Int(); break;
                case "maxSharedHashAds": options.MaxSharedHashAds = Int(); break;
                case "attachWindowDays": options.AttachWindowDays = Int(); break;
                case "boilerplateNameMaxAds": options.BoilerplateNameMaxAds = Int(); break;
                case "boilerplateNameMinShare": options.BoilerplateNameMinShare = ParseDouble(value, fileName, key); break;
                case "language": options.Language = Scalar(value, fileName, key); break;
                case "licensedVenues": options.LicensedVenues = Scalar(value, fileName, key); break;
                case "weights": ParseWeights(value, options.Weights, fileName, lines); break;
                default: throw Error(fileName, keyNode, key, "unknown setting.");
            }
        }
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new AnalysisConfigException(string.Join(Environment.NewLine, errors.Select(e =>
            {
                var field = e.Split(' ')[0];
                return lines.TryGetValue(field, out var line) ? $"{fileName}:{line}: {e}" : $"{fileName}: {e}";
            })));
        }
        return options;
    }

    private static void ParseWeights(YamlNode node, ScoreWeights weights, string fileName, Dictionary<string, long> lines)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(fileName, node, "weights", "expected a mapping of component weights.");
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var field = "weights." + key;
            lines[field] = keyNode.Start.Line;
            switch (key)
            {
                case "advertisers": weights.Advertisers = ParseDouble(value, fileName, field); break;
                case "shortStays": weights.ShortStays = ParseDouble(value, fileName, field); break;
                case "turnover": weights.Turnover = ParseDouble(value, fileName, field); break;
                case "touring": weights.Touring = ParseDouble(value, fileName, field); break;
                case "operator": weights.Operator = ParseDouble(value, fileName, field); break;
                case "indicators": weights.Indicators = ParseDouble(value, fileName, field); break;
                case "advertisersSaturation": weights.AdvertisersSaturation = ParseInt(value, fileName, field); break;
                case "shortStaysSaturation": weights.ShortStaysSaturation = ParseInt(value, fileName, field); break;
                default: throw Error(fileName, keyNode, field, "unknown weight.");
            }
        }
    }

    private static string Scalar(YamlNode node, string fileName, string field) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(fileName, node, field, "expected a single value.");

    private static int ParseInt(YamlNode node, string fileName, string field) =>
        int.TryParse(Scalar(node, fileName, field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error(fileName, node, field, $"expected a whole number, got '{Scalar(node, fileName, field)}'.");

    private static double ParseDouble(YamlNode node, string fileName, string field) =>
        double.TryParse(Scalar(node, fileName, field), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw Error(fileName, node, field, $"expected a number, got '{Scalar(node, fileName, field)}'.");

    private static AnalysisConfigException Error(string fileName, YamlNode node, string field, string message) =>
        new($"{fileName}:{node.Start.Line}: {field}: {message}");
}

/// <summary>analysis.yaml or licensed-venues.csv is unusable; the message names the file, line and field.</summary>
public sealed class AnalysisConfigException(string message) : Exception(message);
