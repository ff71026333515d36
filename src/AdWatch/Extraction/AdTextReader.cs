using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace AdWatch.Extraction;

/// <summary>
/// Turns an ad (HTML page or plain text, detected) into <see cref="AdText"/>. HTML is parsed with AngleSharp and
/// walked iteratively (hostile pages nest deeply); script, style, noscript, template and hidden elements are
/// skipped because a reader never sees them, and block elements become line breaks so numbers in different
/// blocks are not glued together. Stateless and thread-safe.
/// </summary>
public sealed partial class AdTextReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "option", "p", "pre", "section", "summary", "table", "td", "th", "title", "tr", "ul", "body",
    };

    /// <summary>Reads <paramref name="input"/> as HTML when it looks like markup, else as plain text.</summary>
    public AdText Read(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return LooksLikeHtml(input) ? ReadHtml(input) : AdText.Plain(input);
    }

    /// <summary>True when the input contains markup a browser would render (a tag from the common HTML set).</summary>
    public static bool LooksLikeHtml(string input) => HtmlTag().IsMatch(input.AsSpan(0, Math.Min(input.Length, 65_536)));

    /// <summary>Visible text, phone links and image URLs of an HTML page.</summary>
    public AdText ReadHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (HtmlShape.IsPathological(html))
        {
            return AdText.Plain(HtmlShape.StripTags(html));
        }

        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(html.Length / 4);
        var links = new List<string>();
        var images = new List<string>();
        var title = document.Head?.QuerySelector("title")?.TextContent;
        if (!string.IsNullOrWhiteSpace(title))
        {
            text.Append(Collapse(title)).Append('\n');
        }

        CollectMeta(document, images);
        if (document.DocumentElement is { } root)
        {
            Walk(root, text, links, images);
        }

        return new AdText(Tidy(text), links.Distinct(StringComparer.Ordinal).ToList(), images.Distinct(StringComparer.Ordinal).ToList());
    }

    private static void Walk(IElement root, StringBuilder text, List<string> links, List<string> images)
    {
        // Iterative: a page of 100 000 nested divs must not overflow the stack. A null entry closes a block.
        var stack = new Stack<INode?>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is null)
            {
                text.Append('\n');
                continue;
            }

            if (node is IText t)
            {
                AppendText(text, t.Data);
                continue;
            }

            if (node is not IElement element || Skipped.Contains(element.LocalName) || IsHidden(element))
            {
                continue;
            }

            Collect(element, links, images);
            if (element.LocalName is "br")
            {
                // One break, not a block: "06 1234<br>5678" is still one number.
                text.Append('\n');
                continue;
            }

            var block = Blocks.Contains(element.LocalName);
            if (block)
            {
                text.Append('\n');
                stack.Push(null);
            }

            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }
    }

    private static bool IsHidden(IElement element)
    {
        if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("type"), "hidden", StringComparison.OrdinalIgnoreCase)
            || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var classes = element.ClassList;
        return classes.Length > 0 && (classes.Contains("hidden") || classes.Contains("d-none") || classes.Contains("invisible"));
    }

    private static void Collect(IElement element, List<string> links, List<string> images)
    {
        switch (element.LocalName)
        {
            case "a" or "area":
                var href = element.GetAttribute("href");
                if (href is not null && PhoneLink().IsMatch(href))
                {
                    links.Add(href.Trim());
                }

                break;
            case "img" or "source":
                AddImage(element.GetAttribute("src"), images);
                AddImage(element.GetAttribute("data-src"), images);
                AddImage(FirstSrcsetUrl(element.GetAttribute("srcset")), images);
                break;
        }
    }

    private static void CollectMeta(IDocument document, List<string> images)
    {
        foreach (var meta in document.QuerySelectorAll("meta[property='og:image'], meta[name='twitter:image']"))
        {
            AddImage(meta.GetAttribute("content"), images);
        }
    }

    private static void AddImage(string? url, List<string> images)
    {
        if (!string.IsNullOrWhiteSpace(url) && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            images.Add(url.Trim());
        }
    }

    private static string? FirstSrcsetUrl(string? srcset) =>
        string.IsNullOrWhiteSpace(srcset) ? null : srcset.Trim().Split([' ', ','], 2)[0];

    private static void AppendText(StringBuilder text, string data)
    {
        foreach (var c in data)
        {
            // HTML collapses source whitespace (including line breaks) into one space; only blocks break lines.
            if (c is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c);
            }
        }
    }

    private static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        AppendText(sb, s);
        return sb.ToString().Trim();
    }

    /// <summary>Trims spaces around line breaks and keeps at most one empty line between blocks.</summary>
    private static string Tidy(StringBuilder text) => BlankLines().Replace(SpacedBreak().Replace(text.ToString(), "\n"), "\n\n").Trim();

    [GeneratedRegex(@"<(?:!doctype|html|head|body|div|p|br|span|a|img|script|style|section|article|meta|table|ul|ol|li|h[1-6]|strong|em|b|i|font|center|main|header|footer|nav|title|link)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^\s*(?:tel|callto|sms|facetime|whatsapp):|wa\.me/|api\.whatsapp\.com/send", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLink();

    [GeneratedRegex(@"[ ]*\n[ ]*")]
    private static partial Regex SpacedBreak();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
