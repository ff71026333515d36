using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AdWatch.Crawling;

/// <summary>
/// The one parse step both fetchers and the importer feed: bytes → AngleSharp document, plus the visible-text reading
/// the generic extractor and the regex detectors use. Hostile markup never throws here.
/// </summary>
public static partial class HtmlPage
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    /// <summary>Parses HTML bytes; the charset comes from the Content-Type, a BOM or a meta tag, else UTF-8.</summary>
    public static IDocument Parse(byte[] body, string? contentType)
    {
        var parser = new HtmlParser(ParserOptions);
        var charset = CharsetOf(contentType);
        if (charset is not null)
        {
            try
            {
                return parser.ParseDocument(Encoding.GetEncoding(charset).GetString(body));
            }
            catch (ArgumentException)
            {
                // unknown charset name: let the parser sniff
            }
        }
        using var stream = new MemoryStream(body, writable: false);
        return parser.ParseDocument(stream);
    }

    /// <summary>Parses already-decoded HTML (browser content, JSONL imports).</summary>
    public static IDocument Parse(string html) => new HtmlParser(ParserOptions).ParseDocument(html);

    /// <summary>Visible text of the body: scripts, styles and templates dropped, whitespace collapsed, line breaks kept per block.</summary>
    public static string VisibleText(IDocument document)
    {
        var root = document.Body ?? document.DocumentElement;
        return root is null ? "" : TextOf(root);
    }

    /// <summary>Text of one element as a reader sees it: blocks and &lt;br&gt; become line breaks, hidden parts dropped.</summary>
    public static string TextOf(IElement element)
    {
        var clone = (IElement)element.Clone(deep: true);
        foreach (var hidden in clone.QuerySelectorAll("script, style, noscript, template, [hidden]").ToList())
        {
            hidden.Remove();
        }
        var owner = element.Owner!;
        foreach (var block in clone.QuerySelectorAll("p, div, br, li, h1, h2, h3, h4, h5, h6, tr, section, article, time, span").ToList())
        {
            // Inline spans/times get a space so adjacent values ("Harderwijk" "1 maart") do not glue together.
            var inline = block.LocalName is "span" or "time";
            block.InsertBefore(owner.CreateTextNode(inline ? " " : "\n"), block.FirstChild);
            block.AppendChild(owner.CreateTextNode(inline ? " " : "\n"));
        }
        return Collapse(clone.TextContent);
    }

    /// <summary>Trims and collapses runs of spaces, keeping single line breaks.</summary>
    public static string Collapse(string text)
    {
        var spaces = Spaces().Replace(text, " ");
        return Lines().Replace(spaces, "\n").Trim().Replace(" \n", "\n", StringComparison.Ordinal);
    }

    /// <summary>An absolute http(s) URL for an href on a page, or null for javascript:, mailto:, fragments and junk.</summary>
    public static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#'))
        {
            return null;
        }
        if (!Uri.TryCreate(page, href.Trim(), out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var builder = new UriBuilder(url) { Fragment = "" };
        return builder.Uri;
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        var m = Charset().Match(contentType);
        return m.Success ? m.Groups[1].Value.Trim('"', '\'') : null;
    }

    [GeneratedRegex(@"[ \t\f\v\u00A0\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Lines();

    [GeneratedRegex(@"charset\s*=\s*([^;\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex Charset();
}
