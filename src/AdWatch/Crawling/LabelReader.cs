using System.Text.RegularExpressions;
using AdWatch.Html;
using AngleSharp.Dom;

namespace AdWatch.Crawling;

/// <summary>
/// Reads the value written after a label (<c>label:Plaats</c>), whatever the markup: <c>&lt;dt&gt;Plaats&lt;/dt&gt;&lt;dd&gt;…</c>,
/// <c>&lt;th&gt;Plaats&lt;/th&gt;&lt;td&gt;…</c>, <c>&lt;li&gt;&lt;b&gt;Plaats:&lt;/b&gt; …&lt;/li&gt;</c>, <c>&lt;span&gt;Plaats&lt;/span&gt;&lt;span&gt;…</c>
/// and plain text "Plaats: …" on its own line. One linear walk over the text nodes: a text node that is the label (trailing
/// ":" optional, any case) is lifted to the outermost element it alone fills, and the value is what follows that element
/// (the next <c>dd</c>/<c>td</c>, else its following siblings up to a line break or the next label-like element); a text
/// node that starts with "label:" holds its value itself. The first match in document order wins.
/// </summary>
internal static class LabelReader
{
    private const int MaxValueChars = 2000;
    private const int MaxLift = 4;
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript", "head", "title" };

    public static string? Read(IDocument doc, IReadOnlyList<string> labels)
    {
        if (doc.Body is not { } body)
        {
            return null;
        }
        foreach (var node in body.Descendants().OfType<IText>())
        {
            if (node.ParentElement is { } parent && Skipped.Contains(parent.LocalName))
            {
                continue;
            }
            var text = node.Data;
            if (text.Length > MaxValueChars * 4)
            {
                continue;
            }
            foreach (var label in labels)
            {
                if (Value(node, text, label) is { } value)
                {
                    return value;
                }
            }
        }
        return null;
    }

    private static string? Value(IText node, string text, string label)
    {
        var trimmed = HtmlText.Collapse(text);
        if (trimmed.Length == 0)
        {
            return null;
        }
        if (trimmed.StartsWith(label, StringComparison.OrdinalIgnoreCase))
        {
            var rest = trimmed[label.Length..].TrimStart();
            if (rest.Length == 0 || rest == ":")
            {
                return AfterLabel(node);
            }
        }
        // "Plaats: Harderwijk" on a line of its own, also inside one text node of several lines (<pre>, a text block).
        var lines = text.AsSpan();
        while (lines.Length > 0)
        {
            var end = lines.IndexOfAny('\n', '\r');
            var line = end < 0 ? lines : lines[..end];
            lines = end < 0 ? [] : lines[(end + 1)..];
            var start = line.TrimStart();
            if (start.Length > label.Length && start.StartsWith(label, StringComparison.OrdinalIgnoreCase))
            {
                var rest = start[label.Length..].TrimStart();
                if (rest.Length > 0 && rest[0] == ':')
                {
                    return Clean(HtmlText.Collapse(rest[1..].ToString())); // "Plaatsnaam" is not the label "Plaats"
                }
            }
        }
        return null;
    }

    private static string? AfterLabel(IText text)
    {
        INode anchor = text;
        for (var i = 0; i < MaxLift && anchor.Parent is IElement parent && parent.LocalName is not ("body" or "html") && IsOnlyContent(parent, anchor); i++)
        {
            anchor = parent;
        }
        if (anchor is IElement { LocalName: "dt" } dt)
        {
            return Clean(NextElement(dt, "dd") is { } dd ? HtmlText.Visible(dd, TextLayout.Fields) : null);
        }
        if (anchor is IElement { LocalName: "th" or "td" } cell)
        {
            return Clean(NextElement(cell, "td") is { } td ? HtmlText.Visible(td, TextLayout.Fields) : null);
        }
        var parts = new List<string>();
        var length = 0;
        for (var node = anchor.NextSibling; node is not null && length < MaxValueChars; node = node.NextSibling)
        {
            if (node is IElement e)
            {
                if (e.LocalName is "br" or "hr" || (anchor is IElement a && e.LocalName == a.LocalName
                    && (parts.Count > 0 || (a.LocalName is "li" or "p" or "div" or "tr" && a.ClassName == e.ClassName))))
                {
                    break;
                }
                if (Skipped.Contains(e.LocalName))
                {
                    continue;
                }
                var value = HtmlText.Visible(e, TextLayout.Fields);
                if (value.Length > 0)
                {
                    parts.Add(value);
                    length += value.Length;
                    if (anchor is IElement)
                    {
                        break; // <span>label</span><span>value</span>: the value is the next element
                    }
                }
            }
            else if (node is IText t)
            {
                var value = t.Data;
                var newline = parts.Count > 0 ? value.IndexOfAny(['\n', '\r']) : -1;
                parts.Add(newline >= 0 ? value[..newline] : value);
                length += value.Length;
                if (newline >= 0)
                {
                    break;
                }
            }
        }
        return Clean(HtmlText.Collapse(string.Join(" ", parts)));
    }

    /// <summary>True when <paramref name="parent"/> holds no text beside <paramref name="child"/>.</summary>
    private static bool IsOnlyContent(IElement parent, INode child)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node == child)
            {
                continue;
            }
            if ((node is IText t && !string.IsNullOrWhiteSpace(t.Data)) || (node is IElement e && !Skipped.Contains(e.LocalName) && e.LocalName != "br"))
            {
                return false;
            }
        }
        return true;
    }

    private static IElement? NextElement(IElement from, string name)
    {
        for (var e = from.NextElementSibling; e is not null; e = e.NextElementSibling)
        {
            if (e.LocalName == name)
            {
                return e;
            }
            if (e.LocalName == from.LocalName)
            {
                return null; // the next label comes first: this one has no value
            }
        }
        return null;
    }

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        value = value.Trim().TrimStart(':', '-', '–', '\u00A0').Trim();
        if (value.Length > MaxValueChars)
        {
            value = value[..MaxValueChars];
        }
        return value.Length == 0 ? null : value;
    }
}
