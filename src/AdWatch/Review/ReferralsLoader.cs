using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AdWatch.Review;

/// <summary>
/// Reads <c>config/referrals.yaml</c>: the region's referral contacts (<c>contacts:</c>) and per municipality code the fields
/// that differ (<c>municipalities: GM0243: coordinator: …</c>). The file is walked node by node, like analysis.yaml, so every
/// error names the file, the line and the field; a file with an error is refused whole, since a wrong number handed to a
/// victim is worse than none.
/// </summary>
public static partial class ReferralsLoader
{
    private static readonly string[] Fields = ["name", "phone", "email", "url", "hours", "example", "text"];

    /// <exception cref="ReferralsConfigException">The file is missing or invalid.</exception>
    public static Referrals Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReferralsConfigException($"{path}: not found; it ships as {ReferralsOptions.DefaultFile} next to adwatch.");
        }
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    public static Referrals Parse(TextReader text, string fileName)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            throw new ReferralsConfigException($"{fileName}:{e.Start.Line}: not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ReferralsConfigException($"{fileName}:1: expected a mapping with 'contacts' and 'municipalities'.");
        }
        YamlMappingNode? contactsNode = null;
        YamlMappingNode? municipalitiesNode = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(keyNode);
            switch (key)
            {
                case "contacts": contactsNode = value as YamlMappingNode ?? throw Error(fileName, value, key, "expected a mapping of contact key to contact."); break;
                case "municipalities": municipalitiesNode = value as YamlMappingNode ?? throw Error(fileName, value, key, "expected a mapping of municipality code (GM0243) to overrides."); break;
                default: throw Error(fileName, keyNode, key, "unknown setting; expected contacts or municipalities.");
            }
        }
        if (contactsNode is null || contactsNode.Children.Count == 0)
        {
            throw Error(fileName, root, "contacts", "required: the region's referral contacts (at least one).");
        }

        var defaults = new List<ReferralContact>();
        foreach (var (keyNode, value) in contactsNode.Children)
        {
            var key = Key(keyNode);
            var at = "contacts." + key;
            if (!ContactKey().IsMatch(key))
            {
                throw Error(fileName, keyNode, at, "a contact key is a word of letters and digits, e.g. coordinator.");
            }
            var read = ReadContact(value, fileName, at);
            var name = read.Name ?? throw Error(fileName, value, at + ".name", "required.");
            var texts = read.Texts ?? throw Error(fileName, value, at + ".text", "required: a text in nl, en, es and pt.");
            if (ReferralLanguages.All.FirstOrDefault(l => !texts.ContainsKey(l)) is { } missing)
            {
                throw Error(fileName, read.TextNode!, $"{at}.text.{missing}", "required: every contact has its text in nl, en, es and pt.");
            }
            if (read.Hours is { } hours && ReferralLanguages.All.FirstOrDefault(l => !hours.ContainsKey(l)) is { } noHours)
            {
                throw Error(fileName, read.HoursNode!, $"{at}.hours.{noHours}", "required when hours are given: hours in nl, en, es and pt.");
            }
            if (read.Phone is null && read.Email is null && read.Url is null)
            {
                throw Error(fileName, value, at, "needs at least one of phone, email or url.");
            }
            defaults.Add(new ReferralContact(key, name, read.Phone, read.Email, read.Url, read.Hours ?? Empty, read.Example ?? false, texts));
        }

        var municipalities = new Dictionary<string, ReferralSet>(StringComparer.OrdinalIgnoreCase);
        foreach (var (codeNode, value) in (IEnumerable<KeyValuePair<YamlNode, YamlNode>>?)municipalitiesNode?.Children ?? [])
        {
            var code = Key(codeNode);
            var at = "municipalities." + code;
            if (!MunicipalityCode().IsMatch(code))
            {
                throw Error(fileName, codeNode, at, "expected a CBS municipality code: GM and four digits, e.g. GM0243.");
            }
            if (municipalities.ContainsKey(code))
            {
                throw Error(fileName, codeNode, at, "given twice.");
            }
            if (value is not YamlMappingNode overrides)
            {
                throw Error(fileName, value, at, "expected a mapping of contact key to the fields that differ.");
            }
            var merged = defaults.ToList();
            foreach (var (keyNode, fields) in overrides.Children)
            {
                var key = Key(keyNode);
                var index = merged.FindIndex(c => c.Key == key);
                if (index < 0)
                {
                    throw Error(fileName, keyNode, $"{at}.{key}", $"unknown contact; expected one of {string.Join(", ", defaults.Select(c => c.Key))}.");
                }
                var read = ReadContact(fields, fileName, $"{at}.{key}");
                var d = merged[index];
                merged[index] = d with
                {
                    Name = read.Name ?? d.Name,
                    Phone = read.Phone ?? d.Phone,
                    Email = read.Email ?? d.Email,
                    Url = read.Url ?? d.Url,
                    Hours = Merge(d.Hours, read.Hours),
                    Example = read.Example ?? d.Example,
                    Texts = Merge(d.Texts, read.Texts),
                };
            }
            municipalities[code] = new ReferralSet(code.ToUpperInvariant(), merged);
        }
        return new Referrals(fileName, new ReferralSet(null, defaults), municipalities);
    }

    private sealed record ContactFields(string? Name, string? Phone, string? Email, string? Url, Dictionary<string, string>? Hours, YamlNode? HoursNode,
        bool? Example, Dictionary<string, string>? Texts, YamlNode? TextNode);

    private static ContactFields ReadContact(YamlNode node, string fileName, string at)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(fileName, node, at, $"expected a mapping with {string.Join(", ", Fields)}.");
        }
        var c = new ContactFields(null, null, null, null, null, null, null, null, null);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = Key(keyNode);
            var field = $"{at}.{key}";
            c = key switch
            {
                "name" => c with { Name = Text(value, fileName, field, 200) },
                "phone" => c with { Phone = Phone(value, fileName, field) },
                "email" => c with { Email = Email(value, fileName, field) },
                "url" => c with { Url = Url(value, fileName, field) },
                "hours" => c with { Hours = Languages(value, fileName, field, 200), HoursNode = value },
                "example" => c with { Example = Bool(value, fileName, field) },
                "text" => c with { Texts = Languages(value, fileName, field, 1000), TextNode = value },
                _ => throw Error(fileName, keyNode, field, $"unknown field; expected one of {string.Join(", ", Fields)}."),
            };
        }
        return c;
    }

    private static Dictionary<string, string> Languages(YamlNode node, string fileName, string field, int maxLength)
    {
        if (node is not YamlMappingNode map)
        {
            throw Error(fileName, node, field, "expected a mapping of language (nl, en, es, pt) to text.");
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var language = Key(keyNode);
            if (!ReferralLanguages.All.Contains(language))
            {
                throw Error(fileName, keyNode, $"{field}.{language}", "unknown language; expected nl, en, es or pt.");
            }
            texts[language] = Text(value, fileName, $"{field}.{language}", maxLength);
        }
        return texts;
    }

    private static string Text(YamlNode node, string fileName, string field, int maxLength)
    {
        if (node is not YamlScalarNode { Value: { } value } || string.IsNullOrWhiteSpace(value))
        {
            throw Error(fileName, node, field, "expected a non-empty text.");
        }
        var text = value.Trim();
        return text.Length <= maxLength ? text : throw Error(fileName, node, field, $"at most {maxLength} characters (it has {text.Length}).");
    }

    private static string Phone(YamlNode node, string fileName, string field)
    {
        var phone = Text(node, fileName, field, 40);
        return PhoneShape().IsMatch(phone) && phone.Count(char.IsAsciiDigit) >= 3
            ? phone : throw Error(fileName, node, field, $"expected a phone number of digits, spaces, '-', '+' and '()', got '{phone}'.");
    }

    private static string Email(YamlNode node, string fileName, string field)
    {
        var email = Text(node, fileName, field, 200);
        return EmailShape().IsMatch(email) ? email : throw Error(fileName, node, field, $"expected an e-mail address, got '{email}'.");
    }

    private static string Url(YamlNode node, string fileName, string field)
    {
        var url = Text(node, fileName, field, 500);
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? url : throw Error(fileName, node, field, $"expected an absolute http(s) URL, got '{url}'.");
    }

    private static bool Bool(YamlNode node, string fileName, string field) =>
        Text(node, fileName, field, 100) switch
        {
            "true" => true,
            "false" => false,
            var other => throw Error(fileName, node, field, $"expected true or false, got '{other}'."),
        };

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> defaults, Dictionary<string, string>? overrides)
    {
        if (overrides is null)
        {
            return defaults;
        }
        var merged = new Dictionary<string, string>(defaults, StringComparer.Ordinal);
        foreach (var (language, text) in overrides)
        {
            merged[language] = text;
        }
        return merged;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static string Key(YamlNode node) => (node as YamlScalarNode)?.Value ?? "";

    private static ReferralsConfigException Error(string fileName, YamlNode node, string field, string message) =>
        new($"{fileName}:{node.Start.Line}: {field}: {message}");

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex ContactKey();

    [GeneratedRegex(@"^GM\d{4}$", RegexOptions.IgnoreCase)]
    private static partial Regex MunicipalityCode();

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}

/// <summary>referrals.yaml is missing or unusable; the message names the file, line and field.</summary>
public sealed class ReferralsConfigException(string message) : Exception(message);
