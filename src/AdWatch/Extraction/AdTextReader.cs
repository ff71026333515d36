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
    // A parser owns a browsing context that is costly to build; one per thread, reused for every page.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    // Script bodies and comments are never shown, so the tokenizer need not keep them.
    private static readonly HtmlParserOptions ParserOptions = new() { SkipComments = true, SkipScriptText = true };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
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

        var document = (t_parser ??= new HtmlParser(ParserOptions)).ParseDocument(html);
        var text = new StringBuilder(html.Length / 4);
        var links = new List<string>();
        var images = new List<string>();
        var title = document.Title;
        if (!string.IsNullOrWhiteSpace(title))
        {
            text.Append(Collapse(title));
            AppendBreak(text);
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
                AppendBreak(text);
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
                AppendBreak(text, single: true);
                continue;
            }

            var block = Blocks.Contains(element.LocalName);
            if (block)
            {
                AppendBreak(text);
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
        // One pass over the attributes: ClassList and repeated GetAttribute calls allocate per element.
        foreach (var attribute in element.Attributes)
        {
            var value = attribute.Value;
            var hidden = attribute.LocalName switch
            {
                "hidden" => true,
                "type" => value.Equals("hidden", StringComparison.OrdinalIgnoreCase),
                "aria-hidden" => value.Equals("true", StringComparison.OrdinalIgnoreCase),
                "style" => value.Contains(':') && HiddenStyle().IsMatch(value),
                "class" => HasClass(value, "hidden") || HasClass(value, "d-none") || HasClass(value, "invisible"),
                _ => false,
            };
            if (hidden)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasClass(string classes, string name)
    {
        var at = classes.IndexOf(name, StringComparison.Ordinal);
        while (at >= 0)
        {
            var end = at + name.Length;
            if ((at == 0 || char.IsWhiteSpace(classes[at - 1])) && (end == classes.Length || char.IsWhiteSpace(classes[end])))
            {
                return true;
            }

            at = classes.IndexOf(name, end, StringComparison.Ordinal);
        }

        return false;
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
        foreach (var meta in document.Head?.Children ?? Enumerable.Empty<IElement>())
        {
            if (meta.LocalName == "meta" && (meta.GetAttribute("property") == "og:image" || meta.GetAttribute("name") == "twitter:image"))
            {
                AddImage(meta.GetAttribute("content"), images);
            }
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

    /// <summary>
    /// A line break with no spaces before it; blocks leave at most one empty line between them. A forced single
    /// break (br) always lands, so two br's still make an empty line as in a browser.
    /// </summary>
    private static void AppendBreak(StringBuilder text, bool single = false)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        if (single || text.Length == 0 || text.Length < 2 || text[^1] != '\n' || text[^2] != '\n')
        {
            text.Append('\n');
        }
    }

    private static string Tidy(StringBuilder text) => text.ToString().Trim();

    [GeneratedRegex(@"<(?:!doctype|html|head|body|div|p|br|span|a|img|script|style|section|article|meta|table|ul|ol|li|h[1-6]|strong|em|b|i|font|center|main|header|footer|nav|title|link)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^\s*(?:tel|callto|sms|facetime|whatsapp):|wa\.me/|api\.whatsapp\.com/send", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLink();

}
