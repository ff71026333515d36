using System.Text;

namespace AdWatch.Html;

/// <summary>
/// Bounds hostile markup before the parser sees it, in one linear pass. The HTML tree builder walks the stack of open
/// elements for most tags, so 80,000 nested elements cost quadratic time (about 79 s for a 400 KB page); a 10 MB
/// attribute or a 10 MB run of <c>&lt;</c> costs memory for nothing a reader sees. The guard keeps the text and
/// removes only structure: start tags beyond <see cref="MaxDepth"/> open elements are dropped with their end tags (the
/// content flattens into the deepest kept element), tags longer than <see cref="MaxTagChars"/> lose their attributes,
/// runs of <c>&lt;</c> are shortened to <see cref="MaxLessThanRun"/> and input past <see cref="MaxChars"/> is cut.
/// A page that needs none of this is returned as the same string. No real ad page comes near these limits.
/// </summary>
public static class HtmlGuard
{
    public const int MaxDepth = 512;
    public const int MaxTagChars = 64 * 1024;
    public const int MaxLessThanRun = 16;
    public const int MaxChars = 16 * 1024 * 1024;
    private const int MaxNameChars = 64;

    // Elements that never hold content, and elements the tree builder closes by itself when a sibling opens: neither
    // deepens the tree, so counting them would flatten ordinary lists and tables.
    private static readonly HashSet<string> Flat = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta",
        "param", "source", "track", "wbr",
        "html", "head", "body", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
        "caption", "colgroup", "rb", "rt", "rp", "rtc",
    };

    // Elements whose content is text up to their end tag: no tags inside to count.
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    /// <summary>The page with nesting, tag length, <c>&lt;</c> runs and size bounded; the same string when within bounds.</summary>
    public static string Bound(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var scan = new Scan(html.Length > MaxChars ? Cut(html) : html);
        scan.Run();
        return scan.Result();
    }

    private static string Cut(string html)
    {
        var end = char.IsHighSurrogate(html[MaxChars - 1]) ? MaxChars - 1 : MaxChars;
        return html[..end];
    }

    private sealed class Scan(string html)
    {
        private readonly List<(string Name, bool Dropped)> _open = [];
        private readonly Dictionary<string, int> _openCount = new(StringComparer.Ordinal);
        private StringBuilder? _out;
        private int _copied;
        private int _foreign; // open svg/math elements: inside them "/>" really closes a tag

        public void Run()
        {
            var i = 0;
            while (i < html.Length)
            {
                var lt = html.IndexOf('<', i);
                if (lt < 0)
                {
                    return;
                }
                var run = 1;
                while (lt + run < html.Length && html[lt + run] == '<')
                {
                    run++;
                }
                if (run > MaxLessThanRun)
                {
                    Replace(lt, lt + run - MaxLessThanRun, "");
                }
                lt += run - 1; // the last '<' of a run may open a tag
                i = lt + 1;
                if (i >= html.Length)
                {
                    return;
                }
                var c = html[i];
                if (c == '!' && string.CompareOrdinal(html, i, "!--", 0, 3) == 0)
                {
                    var end = html.IndexOf("-->", i + 3, StringComparison.Ordinal);
                    i = end < 0 ? html.Length : end + 3;
                }
                else if (c is '!' or '?')
                {
                    var end = html.IndexOf('>', i);
                    i = end < 0 ? html.Length : end + 1;
                }
                else if (c == '/' && i + 1 < html.Length && char.IsAsciiLetter(html[i + 1]))
                {
                    i = EndTag(lt);
                }
                else if (char.IsAsciiLetter(c))
                {
                    i = StartTag(lt);
                }
            }
        }

        private int StartTag(int lt)
        {
            var nameEnd = NameEnd(lt + 1);
            var tagEnd = TagEnd(nameEnd);
            var length = nameEnd - lt - 1;
            if (length > MaxNameChars)
            {
                Replace(lt, tagEnd, "");
                return tagEnd;
            }
            var name = html.Substring(lt + 1, length).ToLowerInvariant();
            var selfClosing = tagEnd >= 2 && html[tagEnd - 1] == '>' && html[tagEnd - 2] == '/';
            if (RawText.Contains(name))
            {
                BoundLength(lt, tagEnd, name);
                var close = html.IndexOf("</" + name, tagEnd, StringComparison.OrdinalIgnoreCase);
                return close < 0 ? html.Length : close;
            }
            if (name == "plaintext")
            {
                return html.Length; // the rest of the page is text
            }
            if (Flat.Contains(name) || (selfClosing && _foreign > 0))
            {
                BoundLength(lt, tagEnd, name);
                return tagEnd;
            }
            var dropped = _open.Count >= MaxDepth;
            if (dropped)
            {
                Replace(lt, tagEnd, "");
            }
            else
            {
                BoundLength(lt, tagEnd, name);
            }
            _open.Add((name, dropped));
            _openCount[name] = _openCount.GetValueOrDefault(name) + 1;
            if (name is "svg" or "math")
            {
                _foreign++;
            }
            return tagEnd;
        }

        private int EndTag(int lt)
        {
            var nameEnd = NameEnd(lt + 2);
            var tagEnd = TagEnd(nameEnd);
            var length = nameEnd - lt - 2;
            if (length > MaxNameChars)
            {
                Replace(lt, tagEnd, "");
                return tagEnd;
            }
            var name = html.Substring(lt + 2, length).ToLowerInvariant();
            // Close up to the matching open element, as the tree builder does; an end tag nothing matches is left to it.
            var dropped = false;
            if (_openCount.GetValueOrDefault(name) > 0)
            {
                while (_open.Count > 0)
                {
                    var (top, topDropped) = _open[^1];
                    _open.RemoveAt(_open.Count - 1);
                    _openCount[top]--;
                    if (top is "svg" or "math")
                    {
                        _foreign--;
                    }
                    if (top == name)
                    {
                        dropped = topDropped;
                        break;
                    }
                }
            }
            if (dropped)
            {
                Replace(lt, tagEnd, "");
            }
            else if (tagEnd - lt > MaxTagChars)
            {
                Replace(lt, tagEnd, "</" + name + ">");
            }
            return tagEnd;
        }

        private void BoundLength(int lt, int tagEnd, string name)
        {
            if (tagEnd - lt > MaxTagChars)
            {
                Replace(lt, tagEnd, "<" + name + ">");
            }
        }

        private int NameEnd(int from)
        {
            var i = from;
            while (i < html.Length && html[i] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                i++;
            }
            return i;
        }

        /// <summary>Index after the '>' closing the tag, skipping quoted attribute values; the end of input when unclosed.</summary>
        private int TagEnd(int from)
        {
            var afterEquals = false;
            for (var i = from; i < html.Length; i++)
            {
                var c = html[i];
                if (c == '>')
                {
                    return i + 1;
                }
                if (afterEquals && c is '"' or '\'')
                {
                    var close = html.IndexOf(c, i + 1);
                    if (close < 0)
                    {
                        return html.Length;
                    }
                    i = close;
                    afterEquals = false;
                }
                else if (c == '=')
                {
                    afterEquals = true;
                }
                else if (c is not (' ' or '\t' or '\n' or '\r' or '\f'))
                {
                    afterEquals = false;
                }
            }
            return html.Length;
        }

        private void Replace(int start, int end, string replacement)
        {
            _out ??= new StringBuilder(html.Length);
            _out.Append(html, _copied, start - _copied).Append(replacement);
            _copied = end;
        }

        public string Result() =>
            _out is null ? html : _out.Append(html, _copied, html.Length - _copied).ToString();
    }
}
