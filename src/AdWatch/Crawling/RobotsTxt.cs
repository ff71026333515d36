using System.Globalization;
using System.Text;

namespace AdWatch.Crawling;

/// <summary>
/// robots.txt per RFC 9309: the groups whose user-agent is our product token (matched whole and case-insensitively,
/// §2.2.1; a line that is only a prefix of it does not apply), else the <c>*</c> groups, merged; the longest matching rule
/// wins and Allow wins a tie (§2.2.2); <c>*</c> and a final <c>$</c> are wildcards; paths are compared in one percent-encoding
/// (§2.2.2); CR, LF and CRLF end lines; a leading BOM is skipped; the first 500 KiB are read (§2.5). An empty or missing
/// file allows everything.
/// </summary>
public sealed class RobotsTxt
{
    /// <summary>How much of a file is read (RFC 9309 §2.5: at least 500 kibibytes).</summary>
    public const int ParseLimitBytes = 500 * 1024;

    private readonly List<Rule> _rules;

    private RobotsTxt(List<Rule> rules, TimeSpan? crawlDelay = null)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>The group's <c>Crawl-delay</c> (not in RFC 9309, but widely used), capped at 60 s; null when absent.</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Everything disallowed (robots.txt unreachable with a server error, RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([Rule.Of(false, "/")]);

    /// <summary>Reads the first <see cref="ParseLimitBytes"/> of a fetched file as UTF-8.</summary>
    public static RobotsTxt Parse(byte[] body, string productToken) =>
        Parse(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ParseLimitBytes)), productToken);

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<Rule> Rules)>();
        var delays = new Dictionary<int, double>();
        (List<string> Agents, List<Rule> Rules)? current = null;
        var lastWasAgent = false;
        var content = text.AsSpan(0, Math.Min(text.Length, ParseLimitBytes)).TrimStart('\uFEFF').ToString();
        foreach (var rawLine in content.Split(["\r\n", "\r", "\n"], StringSplitOptions.None))
        {
            var line = rawLine.Split('#')[0].Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }
                current.Value.Agents.Add(value.StartsWith('*') ? "*" : Token(value));
                lastWasAgent = true;
            }
            else if (key == "crawl-delay" && current is not null
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                lastWasAgent = false;
                delays[groups.Count - 1] = Math.Min(seconds, 60);
            }
            else if ((key == "allow" || key == "disallow") && current is not null)
            {
                lastWasAgent = false;
                if (value.Length > 0)
                {
                    current.Value.Rules.Add(Rule.Of(key == "allow", value));
                }
            }
        }
        var token = Token(productToken);
        var mine = Enumerable.Range(0, groups.Count)
            .Where(i => groups[i].Agents.Any(a => a.Length > 0 && a != "*" && string.Equals(a, token, StringComparison.OrdinalIgnoreCase))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. Enumerable.Range(0, groups.Count).Where(i => groups[i].Agents.Contains("*"))];
        }
        var rules = mine.SelectMany(i => groups[i].Rules).ToList();
        var delay = mine.Where(delays.ContainsKey).Select(i => delays[i]).DefaultIfEmpty(-1).Max();
        return new RobotsTxt(rules, delay >= 0 ? TimeSpan.FromSeconds(delay) : null);
    }

    public bool IsAllowed(Uri url)
    {
        var path = Normalise(url.PathAndQuery);
        var best = (Allow: true, Length: -1);
        foreach (var rule in _rules)
        {
            if ((rule.Length > best.Length || (rule.Length == best.Length && rule.Allow)) && rule.Matches(path))
            {
                best = (rule.Allow, rule.Length);
            }
        }
        return best.Allow;
    }

    /// <summary>The product token: the leading letters, underscores and hyphens (RFC 9309 §2.2.1), so "AdWatch/1.0 (...)" is "AdWatch".</summary>
    private static string Token(string agent)
    {
        var end = 0;
        while (end < agent.Length && (char.IsAsciiLetter(agent[end]) || agent[end] is '_' or '-'))
        {
            end++;
        }
        return agent[..end];
    }

    /// <summary>
    /// The one form both a rule and a URL are compared in (RFC 9309 §2.2.2): a percent-encoded printable ASCII octet is
    /// decoded (<c>%7E</c> is <c>~</c>, <c>%3A</c> is <c>:</c>), every other octet (non-ASCII as UTF-8, controls, space,
    /// <c>%</c> itself) is percent-encoded with upper-case hex.
    /// </summary>
    internal static string Normalise(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var result = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                b = byte.Parse(Encoding.ASCII.GetString(bytes, i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += 2;
            }
            if (b is > 0x20 and < 0x7F && b != '%')
            {
                result.Append((char)b);
            }
            else
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    /// <summary>
    /// A rule as its literal pieces between <c>*</c> wildcards (each normalised, so an encoded <c>%2A</c> stays a literal
    /// star), matched from the start of the path; with a final <c>$</c> the path must end where the rule ends. Each piece
    /// is found at its first place after the previous one, which decides a <c>*</c>-only pattern without backtracking.
    /// </summary>
    private sealed record Rule(bool Allow, string[] Pieces, bool Anchored, int Length)
    {
        public static Rule Of(bool allow, string pattern)
        {
            var anchored = pattern.EndsWith('$');
            var pieces = (anchored ? pattern[..^1] : pattern).Split('*').Select(Normalise).ToArray();
            return new Rule(allow, pieces, anchored, pieces.Sum(p => p.Length) + pieces.Length - 1 + (anchored ? 1 : 0));
        }

        public bool Matches(string path)
        {
            if (!path.StartsWith(Pieces[0], StringComparison.Ordinal))
            {
                return false;
            }
            var at = Pieces[0].Length;
            for (var i = 1; i < Pieces.Length - 1; i++)
            {
                var found = path.IndexOf(Pieces[i], at, StringComparison.Ordinal);
                if (found < 0)
                {
                    return false;
                }
                at = found + Pieces[i].Length;
            }
            if (Pieces.Length == 1)
            {
                return !Anchored || at == path.Length;
            }
            var last = Pieces[^1];
            return Anchored
                ? path.Length - last.Length >= at && path.EndsWith(last, StringComparison.Ordinal)
                : path.IndexOf(last, at, StringComparison.Ordinal) >= 0;
        }
    }
}
