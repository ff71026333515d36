using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.Accounts;

/// <summary>
/// The organisations accounts belong to, from <c>Accounts:OrganisationsFile</c> (default <c>config/organisations.yaml</c>): a
/// list of <c>key</c>, <c>name</c>, <c>kind</c> (municipality, police, regional) and <c>municipalities</c> (CBS codes). Read
/// once, on first use; the file is walked node by node so every error names the file, the line and the field. A missing
/// file means no organisations: then every account sees nothing, which is the safe way to be misconfigured.
/// </summary>
public sealed partial class Organisations
{
    private readonly Lazy<IReadOnlyList<Organisation>> _all;

    public Organisations(IOptions<AccountsOptions> options)
    {
        FilePath = AppPaths.Resolve(options.Value.OrganisationsFile);
        _all = new Lazy<IReadOnlyList<Organisation>>(() => Load(FilePath));
    }

    /// <summary>The organisations file as an absolute path.</summary>
    public string FilePath { get; }

    /// <summary>Every organisation, in file order.</summary>
    /// <exception cref="OrganisationsConfigException">The file is not valid; the message names file, line and field.</exception>
    public IReadOnlyList<Organisation> All => _all.Value;

    /// <summary>The organisation with <paramref name="key"/>, or null.</summary>
    public Organisation? Find(string? key) => key is null ? null : All.FirstOrDefault(o => o.Key == key);

    /// <summary>What an account of organisation <paramref name="key"/> may see; <see cref="AccessScope.Nothing"/> for none or an unknown key.</summary>
    public AccessScope ScopeOf(string? key) => Find(key)?.Scope ?? AccessScope.Nothing;

    public static IReadOnlyList<Organisation> Load(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static IReadOnlyList<Organisation> Parse(TextReader text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new OrganisationsConfigException($"{fileName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new OrganisationsConfigException($"{fileName}:{stream.Documents[0].RootNode.Start.Line}: expected `organisations:` with a list.");
        }
        var result = new List<Organisation>();
        foreach (var (keyNode, value) in root.Children)
        {
            if (((YamlScalarNode)keyNode).Value != "organisations")
            {
                throw Error(fileName, keyNode, ((YamlScalarNode)keyNode).Value ?? "", "unknown setting; the file holds only `organisations:`.");
            }
            if (value is not YamlSequenceNode list)
            {
                throw Error(fileName, value, "organisations", "expected a list of organisations.");
            }
            foreach (var item in list.Children)
            {
                var organisation = ParseOne(item, fileName);
                if (result.Any(o => o.Key == organisation.Key))
                {
                    throw Error(fileName, item, "key", $"'{organisation.Key}' is used twice; keys must be unique.");
                }
                result.Add(organisation);
            }
        }
        return result;
    }

    private static Organisation ParseOne(YamlNode node, string fileName)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(fileName, node, "organisations", "each organisation is a mapping with key, name, kind and municipalities.");
        }
        string? key = null, name = null;
        OrganisationKind? kind = null;
        var codes = new List<string>();
        foreach (var (fieldNode, value) in map.Children)
        {
            var field = ((YamlScalarNode)fieldNode).Value ?? "";
            switch (field)
            {
                case "key":
                    key = Scalar(value, fileName, field);
                    if (!KeyPattern().IsMatch(key))
                    {
                        throw Error(fileName, value, field, $"'{key}' is not a usable key: 1 to 40 of a-z, 0-9 and '-'.");
                    }
                    break;
                case "name":
                    name = Scalar(value, fileName, field);
                    break;
                case "kind":
                    var text = Scalar(value, fileName, field);
                    kind = Enum.TryParse<OrganisationKind>(text, ignoreCase: true, out var k) && text.All(char.IsLetter)
                        ? k : throw Error(fileName, value, field, $"'{text}' is not one of municipality, police, regional.");
                    break;
                case "municipalities":
                    if (value is not YamlSequenceNode seq)
                    {
                        throw Error(fileName, value, field, "expected a list of CBS codes such as [GM0243].");
                    }
                    foreach (var c in seq.Children)
                    {
                        var code = Scalar(c, fileName, field);
                        if (!CodePattern().IsMatch(code))
                        {
                            throw Error(fileName, c, field, $"'{code}' is not a CBS municipality code (GM and 4 digits).");
                        }
                        codes.Add(code);
                    }
                    break;
                default:
                    throw Error(fileName, fieldNode, field, "unknown field; expected key, name, kind or municipalities.");
            }
        }
        if (key is null || name is null || kind is null)
        {
            throw Error(fileName, node, key is null ? "key" : name is null ? "name" : "kind", "missing; every organisation needs key, name and kind.");
        }
        if (kind == OrganisationKind.Municipality && codes.Count == 0)
        {
            throw Error(fileName, node, "municipalities", $"organisation '{key}' is a municipality and must list its code(s).");
        }
        return new Organisation(key, name, kind.Value, codes.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string Scalar(YamlNode node, string fileName, string field) =>
        node is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : throw Error(fileName, node, field, "expected a non-empty value.");

    private static OrganisationsConfigException Error(string fileName, YamlNode node, string field, string message) =>
        new($"{fileName}:{node.Start.Line}: {field}: {message}");

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^GM[0-9]{4}$")]
    private static partial Regex CodePattern();
}

/// <summary>organisations.yaml is unusable; the message names the file, line and field.</summary>
public sealed class OrganisationsConfigException(string message) : Exception(message);
