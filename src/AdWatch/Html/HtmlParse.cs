using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AdWatch.Html;

/// <summary>
/// The one way AdWatch turns HTML into a document (crawl, import, extraction, evidence page): decode the bytes
/// (<see cref="HtmlDecoder"/>), bound hostile markup (<see cref="HtmlGuard"/>), parse with AngleSharp. Read the text with
/// <see cref="HtmlText"/>. Never throws on hostile markup.
/// </summary>
public static class HtmlParse
{
    // Comments are never shown; scripts stay in the tree (selectors may target them) but are not run.
    private static readonly HtmlParserOptions Options = new() { IsScripting = false, SkipComments = true };

    // A parser owns a browsing context that is costly to build; one per thread, reused for every page.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    /// <summary>Parses HTML bytes; the charset comes from a BOM, the Content-Type or a meta tag, else UTF-8.</summary>
    public static IDocument Document(byte[] body, string? contentType) => Document(HtmlDecoder.Decode(body, contentType));

    /// <summary>Parses already-decoded HTML (browser content, JSONL imports, stored versions).</summary>
    public static IDocument Document(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        return (t_parser ??= new HtmlParser(Options)).ParseDocument(HtmlGuard.Bound(html));
    }
}
