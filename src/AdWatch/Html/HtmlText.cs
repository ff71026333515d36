using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace AdWatch.Html;

/// <summary>How <see cref="HtmlText.Visible"/> lays out the text it reads.</summary>
public enum TextLayout
{
    /// <summary>
    /// What a person reading the page sees, for extraction and the evidence page: everything hidden is skipped
    /// (script, style, frames, svg, <c>hidden</c>, <c>display:none</c>, hiding classes), each block is a paragraph,
    /// <c>&lt;br&gt;</c> a single line break, so phone numbers in different blocks never run together.
    /// </summary>
    Reading,

    /// <summary>
    /// Site-definition field values (title, text, location…), which are stored per ad version and compared to detect
    /// changes: one line per block, no empty lines, inline values spaced. Kept apart from <see cref="Reading"/>
    /// because its output is part of every stored version's identity: reading it the Reading way would make every
    /// stored ad look changed at its next crawl.
    /// </summary>
    Fields,
}

/// <summary>
/// The one HTML-to-text reading: an iterative walk (a guarded page is at most <see cref="HtmlGuard.MaxDepth"/> deep,
/// but no recursion either way) over an element, in one of two <see cref="TextLayout"/>s. An optional visitor sees every
/// visible element, so callers collecting links or images need no second walk.
/// </summary>
public static partial class HtmlText
{
    private static readonly HashSet<string> ReadingSkipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "head",
    };

    private static readonly HashSet<string> ReadingBlocks = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "option", "p", "pre", "section", "summary", "table", "td", "th", "title", "tr", "ul", "body",
    };

    private static readonly HashSet<string> FieldSkipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template",
    };

    private static readonly HashSet<string> FieldBlocks = new(StringComparer.Ordinal)
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    };

    /// <summary>The visible text of a whole page: title and document in <see cref="TextLayout.Reading"/>, the body in <see cref="TextLayout.Fields"/>.</summary>
    public static string OfPage(IDocument document, TextLayout layout, Action<IElement>? visit = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (layout == TextLayout.Fields)
        {
            var body = document.Body ?? document.DocumentElement;
            return body is null ? "" : Visible(body, layout, visit);
        }
        var text = new StringBuilder();
        if (document.Title is { } title && !string.IsNullOrWhiteSpace(title))
        {
            AppendText(text, title);
            TrimEnd(text);
            AppendBreak(text);
        }
        if (document.DocumentElement is { } root)
        {
            Walk(root, text, TextLayout.Reading, visit);
        }
        return text.ToString().Trim();
    }

    /// <summary>The visible text of <paramref name="root"/> and its descendants; the root itself is read even if hidden.</summary>
    public static string Visible(IElement root, TextLayout layout, Action<IElement>? visit = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var text = new StringBuilder();
        Walk(root, text, layout, visit);
        return layout == TextLayout.Fields ? Collapse(text.ToString()) : text.ToString().Trim();
    }

    /// <summary>Trims and collapses runs of spaces, keeping single line breaks (the Fields layout of plain text).</summary>
    public static string Collapse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spaces = Spaces().Replace(text, " ");
        return Lines().Replace(spaces, "\n").Trim().Replace(" \n", "\n", StringComparison.Ordinal);
    }

    private static void Walk(IElement root, StringBuilder text, TextLayout layout, Action<IElement>? visit)
    {
        var reading = layout == TextLayout.Reading;
        // A null entry closes the element pushed before it.
        var stack = new Stack<(INode? Node, IElement? Closing)>();
        stack.Push((root, null));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (closing is not null)
            {
                Close(closing, text, reading);
                continue;
            }
            if (node is IText t)
            {
                if (reading)
                {
                    AppendText(text, t.Data);
                }
                else
                {
                    text.Append(t.Data);
                }
                continue;
            }
            if (node is not IElement element || (!ReferenceEquals(element, root) && Skipped(element, reading)))
            {
                continue;
            }
            visit?.Invoke(element);
            if (reading && element.LocalName is "br")
            {
                // One break, not a block: "06 1234<br>5678" is still one number.
                AppendBreak(text, single: true);
                continue;
            }
            if (Open(element, text, reading))
            {
                stack.Push((null, element));
            }
            for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, null));
            }
        }
    }

    /// <summary>Writes what comes before the element's content; true when something must follow it too.</summary>
    private static bool Open(IElement element, StringBuilder text, bool reading)
    {
        var name = element.LocalName;
        if (reading)
        {
            if (!ReadingBlocks.Contains(name))
            {
                return false;
            }
            AppendBreak(text);
            return true;
        }
        if (FieldBlocks.Contains(name))
        {
            text.Append('\n');
            return true;
        }
        if (name is "span" or "time")
        {
            // Inline values get a space so adjacent values ("Harderwijk" "1 maart") do not glue together.
            text.Append(' ');
            return true;
        }
        return false;
    }

    private static void Close(IElement element, StringBuilder text, bool reading)
    {
        if (reading)
        {
            AppendBreak(text);
        }
        else
        {
            text.Append(element.LocalName is "span" or "time" ? ' ' : '\n');
        }
    }

    private static bool Skipped(IElement element, bool reading)
    {
        if (!reading)
        {
            return FieldSkipped.Contains(element.LocalName) || element.HasAttribute("hidden");
        }
        return ReadingSkipped.Contains(element.LocalName) || IsHidden(element);
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

    private static void TrimEnd(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    /// <summary>
    /// A line break with no spaces before it; blocks leave at most one empty line between them. A forced single
    /// break (br) always lands, so two br's still make an empty line as in a browser.
    /// </summary>
    private static void AppendBreak(StringBuilder text, bool single = false)
    {
        TrimEnd(text);
        if (single || text.Length < 2 || text[^1] != '\n' || text[^2] != '\n')
        {
            text.Append('\n');
        }
    }

    [GeneratedRegex(@"[ \t\f\v\u00A0\r]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex Lines();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();
}
