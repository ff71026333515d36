using AdWatch.Html;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Newtonsoft.Json.Linq;

namespace AdWatch.Crawling;

/// <summary>
/// A fetched page as the <see cref="PageReader"/> sees it: an HTML document, or a JSON document (a JSON endpoint read in
/// HTTP mode) with an empty HTML document beside it, plus the responses captured in browser mode (the inert
/// <c>&lt;template data-adwatch-capture&gt;</c> elements the <see cref="BrowserFetcher"/> appends), so a stored page re-read
/// later yields the same fields. JSON is parsed once, on first use.
/// </summary>
public sealed class PageContent
{
    private readonly Lazy<JToken?> _json;
    private readonly Lazy<ILookup<string, CapturedResponse>> _captures;
    private readonly Dictionary<string, JToken?> _scripts = new(StringComparer.Ordinal);
    private readonly Dictionary<CapturedResponse, JToken?> _captureJson = [];

    private PageContent(IDocument document, string? jsonText)
    {
        Document = document;
        IsJson = jsonText is not null;
        JsonText = jsonText;
        _json = new Lazy<JToken?>(() => JsonValues.Parse(jsonText));
        _captures = new Lazy<ILookup<string, CapturedResponse>>(ReadCaptures);
    }

    /// <summary>The HTML document; empty for a JSON page.</summary>
    public IDocument Document { get; }

    /// <summary>True when the page itself is JSON (its content type says so).</summary>
    public bool IsJson { get; }

    /// <summary>The page's JSON text, when <see cref="IsJson"/>.</summary>
    public string? JsonText { get; }

    /// <summary>The page's JSON, or null (not JSON, or malformed).</summary>
    public JToken? Json => _json.Value;

    /// <summary>Reads fetched bytes: JSON by content type, anything else as HTML.</summary>
    public static PageContent From(byte[] body, string? contentType) =>
        IsJsonType(contentType)
            ? new PageContent(HtmlParse.Document(""), HtmlDecoder.Decode(body, contentType))
            : new PageContent(HtmlParse.Document(body, contentType), null);

    /// <summary>An already parsed HTML document.</summary>
    public static PageContent Of(IDocument document) => new(document, null);

    /// <summary>application/json, text/json and any <c>+json</c> type.</summary>
    public static bool IsJsonType(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return media is "application/json" or "text/json" or "application/javascript+json" || (media?.EndsWith("+json", StringComparison.Ordinal) ?? false);
    }

    /// <summary>The JSON of <c>&lt;script type="application/json" id="ID"&gt;</c> (or ld+json), or null.</summary>
    public JToken? Script(string id)
    {
        if (!_scripts.TryGetValue(id, out var token))
        {
            var script = Document.GetElementById(id);
            token = script is IHtmlScriptElement ? JsonValues.Parse(script.TextContent) : null;
            _scripts[id] = token;
        }
        return token;
    }

    /// <summary>The responses captured under a name, in the order they arrived.</summary>
    public IEnumerable<CapturedResponse> Captures(string name) => _captures.Value[name];

    /// <summary>Every captured response.</summary>
    public IEnumerable<CapturedResponse> AllCaptures() => _captures.Value.SelectMany(g => g);

    /// <summary>A captured response's body as JSON, or null.</summary>
    public JToken? CaptureJson(CapturedResponse capture)
    {
        if (!_captureJson.TryGetValue(capture, out var token))
        {
            token = JsonValues.Parse(capture.Body);
            _captureJson[capture] = token;
        }
        return token;
    }

    private ILookup<string, CapturedResponse> ReadCaptures() =>
        Document.QuerySelectorAll("template[data-adwatch-capture]")
            .Select(t => new CapturedResponse(t.GetAttribute("data-adwatch-capture") ?? "", t.GetAttribute("data-url"),
                t.GetAttribute("data-content-type"), t is IHtmlTemplateElement template ? template.Content.TextContent : t.TextContent))
            .ToLookup(c => c.Name, StringComparer.Ordinal);
}

/// <summary>One response captured in browser mode (<c>fetch.capture</c>), as stored in the page.</summary>
public sealed record CapturedResponse(string Name, string? Url, string? ContentType, string Body);
