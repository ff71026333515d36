using System.Text.RegularExpressions;
using AdWatch.Evidence;
using AdWatch.Html;

namespace AdWatch.Web.Display;

/// <summary>
/// Stored pages (ad evidence, crawler error snapshots) as plain text: the library's one HTML step (decode, guard, parse)
/// and its <see cref="TextLayout.Reading"/> text, so a reviewer sees exactly what extraction read, on one line, cut at
/// <see cref="MaxChars"/>, invisible format characters (bidi controls) shown as markers (<see cref="VisibleText"/>). The
/// text is then HTML-encoded by Razor, so nothing from the page can run, restyle the dashboard or reorder what it shows.
/// </summary>
public static partial class EvidenceText
{
    public const int MaxChars = 20_000;
    private const int MaxBytes = 4 * 1024 * 1024;

    public static string FromBlob(EvidenceBlob blob) => FromBytes(blob.Content, blob.ContentType);

    public static string FromBytes(byte[] content, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = content.Length <= MaxBytes ? content : content[..MaxBytes];
        var text = HtmlDecoder.Decode(bytes, contentType);
        if (contentType is not null && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase) && !LooksLikeHtml(text))
        {
            return Cut(Whitespace().Replace(text, " ").Trim());
        }
        var read = HtmlText.OfPage(HtmlParse.Document(text), TextLayout.Reading);
        return Cut(Whitespace().Replace(read, " ").Trim());
    }

    private static bool LooksLikeHtml(string text) => text.TrimStart().StartsWith('<');

    // Invisible format characters (bidi controls) shown as markers (VisibleText), so the page cannot disguise its text.
    private static string Cut(string text) => VisibleText.Show(text.Length <= MaxChars ? text : text[..MaxChars] + " …")!;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
