using System.Net;
using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// Guards the HTML parser against pages built to be slow: the HTML tree builder checks the stack of open elements
/// for every tag, so 100 000 nested elements cost quadratic time. Such pages are read with a linear tag stripper
/// instead; no real ad page nests anywhere near <see cref="MaxDepth"/> deep.
/// </summary>
internal static partial class HtmlShape
{
    internal const int MaxDepth = 1_000;

    /// <summary>True when the page is too deeply nested for the tree builder.</summary>
    public static bool IsPathological(string html)
    {
        var depth = 0;
        var span = html.AsSpan();
        for (var i = span.IndexOf('<'); i >= 0 && i + 1 < span.Length; i = NextTag(span, i + 1))
        {
            var next = span[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next) && ++depth > MaxDepth)
            {
                return true;
            }
        }

        return false;
    }

    private static int NextTag(ReadOnlySpan<char> span, int from)
    {
        var k = span[from..].IndexOf('<');
        return k < 0 ? -1 : from + k;
    }

    /// <summary>Visible text by stripping tags: skipped elements removed, block tags as line breaks, entities decoded.</summary>
    public static string StripTags(string html)
    {
        var text = InvisibleBlock().Replace(html, " ");
        text = BlockTag().Replace(text, "\n");
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"<(script|style|noscript|template)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2_000)]
    private static partial Regex InvisibleBlock();

    [GeneratedRegex(@"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|section|article|header|footer|nav|main|aside|blockquote|pre|dd|dt|dl|hr)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
