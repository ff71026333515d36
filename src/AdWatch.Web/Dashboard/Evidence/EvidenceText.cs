using System.Text;
using System.Text.RegularExpressions;
using AdWatch.Evidence;
using AngleSharp.Html.Parser;

namespace AdWatch.Web.Dashboard.Evidence;

/// <summary>
/// Stored pages (ad evidence, crawler error snapshots) as sanitised plain text: parsed with AngleSharp, script, style
/// and template content dropped, whitespace collapsed, cut at <see cref="MaxChars"/>. The text is then HTML-encoded by
/// Razor, so nothing from the page can run or restyle the dashboard.
/// </summary>
public static partial class EvidenceText
{
    public const int MaxChars = 20_000;

    public static string FromBlob(EvidenceBlob blob) => FromBytes(blob.Content, blob.ContentType);

    public static string FromBytes(byte[] content, string? contentType)
    {
        var text = Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 4 * 1024 * 1024)));
        if (contentType is not null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase) && !LooksLikeHtml(text))
        {
            return Cut(Whitespace().Replace(text, " ").Trim());
        }
        var document = new HtmlParser().ParseDocument(text);
        foreach (var element in document.QuerySelectorAll("script, style, template, noscript, iframe, object, svg").ToList())
        {
            element.Remove();
        }
        // Block elements end in a space, so "<p>a</p><p>b</p>" reads "a b", not "ab".
        foreach (var element in document.QuerySelectorAll("p, div, br, li, tr, td, th, h1, h2, h3, h4, h5, h6, section, article, header, footer, dd, dt"))
        {
            element.AppendChild(document.CreateTextNode(" "));
        }
        var body = document.Body?.TextContent ?? document.DocumentElement?.TextContent ?? "";
        var title = document.Title is { Length: > 0 } t ? t + "\n" : "";
        return Cut(Whitespace().Replace(title + body, " ").Trim());
    }

    private static bool LooksLikeHtml(string text) => text.TrimStart().StartsWith('<');

    private static string Cut(string text) => text.Length <= MaxChars ? text : text[..MaxChars] + " …";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
