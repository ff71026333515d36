using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using AngleSharp.Css.Parser;

namespace AdWatch.Sites;

/// <summary>What one alternative of a field selector reads.</summary>
public enum SelectorKind
{
    /// <summary>A CSS selector: element text (raw text for <c>script</c>), or an attribute with <c>@attr</c>.</summary>
    Css,

    /// <summary><c>label:Plaats,Stad</c>: the value written after a label.</summary>
    Label,

    /// <summary><c>json:$.path</c> on a JSON page, or <c>json#id:$.path</c> on an embedded <c>&lt;script type=application/json id=…&gt;</c>.</summary>
    Json,

    /// <summary><c>capture:NAME[:$.path]</c>: a response captured in browser mode.</summary>
    Capture,
}

/// <summary>
/// One parsed alternative of a field selector (see <see cref="FieldSelectors"/>): its kind, its target and an optional
/// <c> ~ REGEX</c> applied to every value read. Parsed once per distinct text and cached, so the validator and the
/// reader agree on the syntax and a page read never re-compiles a regex.
/// </summary>
public sealed partial record SelectorAlternative(
    SelectorKind Kind,
    string? Css,
    string? Attribute,
    IReadOnlyList<string> Labels,
    string? JsonId,
    string? JsonPath,
    string? CaptureName,
    Regex? Filter)
{
    /// <summary>Regex timeout for the <c> ~ REGEX</c> suffix: hostile text never stalls a read.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private static readonly CssSelectorParser CssParser = new();
    private static readonly ConcurrentDictionary<string, (SelectorAlternative? Value, string? Error)> Cache = new(StringComparer.Ordinal);

    /// <summary>The parsed alternative, or null with an error saying what is wrong (for the validator).</summary>
    public static SelectorAlternative? Parse(string text, out string? error)
    {
        if (Cache.Count > 10_000)
        {
            Cache.Clear(); // definitions are few; this only bounds a caller that feeds arbitrary text
        }
        var (value, err) = Cache.GetOrAdd(text, static t =>
        {
            var parsed = ParseUncached(t, out var e);
            return (parsed, e);
        });
        error = err;
        return value;
    }

    private static SelectorAlternative? ParseUncached(string text, out string? error)
    {
        error = null;
        var body = text.Trim();
        Regex? filter = null;
        var tilde = body.IndexOf(" ~ ", StringComparison.Ordinal);
        if (tilde >= 0)
        {
            var pattern = body[(tilde + 3)..].Trim();
            body = body[..tilde].Trim();
            if (pattern.Length == 0)
            {
                error = "' ~ ' must be followed by a regex.";
                return null;
            }
            try
            {
                filter = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException ex)
            {
                error = $"invalid regex after ' ~ ': {ex.Message}";
                return null;
            }
        }
        if (body.Length == 0)
        {
            error = "empty selector; write 'css', 'css@attr', 'label:…', 'json:$.…', 'capture:NAME' (each may end with ' ~ REGEX').";
            return null;
        }
        if (body.StartsWith("label:", StringComparison.Ordinal))
        {
            var labels = body["label:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.TrimEnd(':').Trim()).Where(l => l.Length > 0).ToList();
            if (labels.Count == 0)
            {
                error = "'label:' needs at least one label, e.g. 'label:Plaats,Stad'.";
                return null;
            }
            return new SelectorAlternative(SelectorKind.Label, null, null, labels, null, null, null, filter);
        }
        if (body.StartsWith("json:", StringComparison.Ordinal) || body.StartsWith("json#", StringComparison.Ordinal))
        {
            string? id = null;
            var rest = body["json".Length..];
            if (rest.StartsWith('#'))
            {
                var colon = rest.IndexOf(':', StringComparison.Ordinal);
                id = colon > 1 ? rest[1..colon] : "";
                if (!NamePattern().IsMatch(id))
                {
                    error = "write 'json#ID:$.path' with the id of a <script type=\"application/json\"> element.";
                    return null;
                }
                rest = rest[colon..];
            }
            var path = rest[1..].Trim();
            return JsonPathError(path) is { } e ? Fail(out error, e)
                : new SelectorAlternative(SelectorKind.Json, null, null, [], id, path, null, filter);
        }
        if (body.StartsWith("capture:", StringComparison.Ordinal))
        {
            var rest = body["capture:".Length..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? rest.Trim() : rest[..colon].Trim();
            if (!NamePattern().IsMatch(name))
            {
                error = "write 'capture:NAME' or 'capture:NAME:$.path' with the name of a fetch.capture entry.";
                return null;
            }
            var path = colon < 0 ? null : rest[(colon + 1)..].Trim();
            if (path is not null && JsonPathError(path) is { } e)
            {
                return Fail(out error, e);
            }
            return new SelectorAlternative(SelectorKind.Capture, null, null, [], null, path, name, filter);
        }
        var at = body.LastIndexOf('@');
        if (at == 0 || at == body.Length - 1)
        {
            error = "write 'selector' or 'selector@attribute'.";
            return null;
        }
        var (css, attribute) = at > 0 ? (body[..at].Trim(), body[(at + 1)..].Trim()) : (body, null);
        if (CssParser.ParseSelector(css) is null)
        {
            error = $"'{css}' is not a valid CSS selector.";
            return null;
        }
        return new SelectorAlternative(SelectorKind.Css, css, attribute, [], null, null, null, filter);
    }

    private static SelectorAlternative? Fail(out string? error, string message)
    {
        error = message;
        return null;
    }

    /// <summary>Null when Newtonsoft.Json accepts the JSONPath, else why not.</summary>
    public static string? JsonPathError(string path)
    {
        if (!path.StartsWith('$'))
        {
            return $"'{path}' is not a JSONPath; it starts with '$' (e.g. '$.ad.phone').";
        }
        try
        {
            _ = new Newtonsoft.Json.Linq.JObject().SelectTokens(path).Take(1).ToList();
            return null;
        }
        catch (Newtonsoft.Json.JsonException ex)
        {
            return $"invalid JSONPath '{path}': {ex.Message}";
        }
    }

    /// <summary>Applies the <c> ~ REGEX</c> suffix: group 1 when it matched, else the whole match; null when no match.</summary>
    public string? Apply(string value)
    {
        if (Filter is null)
        {
            return value;
        }
        try
        {
            var m = Filter.Match(value);
            if (!m.Success)
            {
                return null;
            }
            var result = m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1].Value : m.Value;
            return result.Trim() is { Length: > 0 } trimmed ? trimmed : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a runaway pattern on hostile text counts as no match
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
