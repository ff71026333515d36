using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace AdWatch.Sites;

/// <summary>
/// Reads <c>crawlers/*.yaml</c>. Unknown fields, wrong types and invalid values all fail loading with file, line and
/// field, so a typo never silently turns into "crawl nothing".
/// </summary>
public static partial class SiteDefinitionLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithEnumNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>Loads every <c>*.yaml</c>/<c>*.yml</c> in a folder; names must be unique.</summary>
    public static IReadOnlyList<SiteDefinition> LoadFolder(string folder)
    {
        var sites = new List<SiteDefinition>();
        var files = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var site = LoadFile(file);
            var clash = sites.FirstOrDefault(s => s.Name == site.Name);
            if (clash is not null)
            {
                throw new SiteDefinitionException(file, [new SiteDefinitionError(1, "name", $"'{site.Name}' is already defined in {clash.SourceFile}.")]);
            }
            sites.Add(site);
        }
        return sites;
    }

    public static SiteDefinition LoadFile(string path) => LoadText(File.ReadAllText(path), path);

    /// <summary>Parses and validates one definition; <paramref name="file"/> is only used in messages.</summary>
    public static SiteDefinition LoadText(string yaml, string file)
    {
        SiteDefinition? site;
        try
        {
            site = Yaml.Deserialize<SiteDefinition>(yaml);
        }
        catch (YamlException ex)
        {
            var inner = ex.InnerException?.Message ?? ex.Message;
            throw new SiteDefinitionException(file, [new SiteDefinitionError((int)ex.Start.Line, FieldAt(yaml, (int)ex.Start.Line, (int)ex.Start.Column), inner)]);
        }
        if (site is null)
        {
            throw new SiteDefinitionException(file, [new SiteDefinitionError(1, "name", "the file is empty.")]);
        }

        var lines = new YamlLineIndex(yaml);
        var errors = SiteDefinitionValidator.Validate(site)
            .Select(e => new SiteDefinitionError(lines.LineOf(e.Field), e.Field, e.Message))
            .ToList();
        if (errors.Count > 0)
        {
            throw new SiteDefinitionException(file, errors);
        }
        site.SourceFile = file;
        site.DefinitionHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(yaml)));
        return site;
    }

    /// <summary>
    /// The field a YAML reader error points at: the key at the error's column (an unknown field, also inside a flow
    /// mapping such as <c>{ txt: x }</c>), else the key right before it (a value of the wrong type), else the line's first key.
    /// </summary>
    private static string FieldAt(string yaml, int line, int column)
    {
        var raw = yaml.Split('\n').ElementAtOrDefault(line - 1) ?? "";
        if (column >= 1 && column <= raw.Length)
        {
            if (KeyAt().Match(raw, column - 1) is { Success: true } at)
            {
                return at.Groups[1].Value;
            }
            if (KeyBefore().Match(raw[..(column - 1)]) is { Success: true } before)
            {
                return before.Groups[1].Value;
            }
        }
        var text = raw.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? text[..colon].TrimStart('-', ' ', '{') : "(syntax)";
    }

    [GeneratedRegex(@"\G([A-Za-z0-9_-]+)\s*:")]
    private static partial Regex KeyAt();

    [GeneratedRegex(@"([A-Za-z0-9_-]+)\s*:\s*$")]
    private static partial Regex KeyBefore();
}
