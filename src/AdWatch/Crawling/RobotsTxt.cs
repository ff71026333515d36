using System.Text.RegularExpressions;

namespace AdWatch.Crawling;

/// <summary>
/// robots.txt per RFC 9309: the group for our product token (else <c>*</c>), longest matching rule wins, Allow wins
/// ties, <c>*</c> and <c>$</c> wildcards. An empty or missing file allows everything.
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(bool Allow, string Pattern, Regex Regex)> _rules;

    private RobotsTxt(List<(bool, string, Regex)> rules, TimeSpan? crawlDelay = null)
    {
        _rules = rules;
        CrawlDelay = crawlDelay;
    }

    /// <summary>The group's <c>Crawl-delay</c> (not in RFC 9309, but widely used), capped at 60 s; null when absent.</summary>
    public TimeSpan? CrawlDelay { get; }

    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Everything disallowed (robots.txt unreachable with a server error, RFC 9309 §2.3.1.4).</summary>
    public static RobotsTxt DisallowAll { get; } = new([(false, "/", new Regex("^/", RegexOptions.None, TimeSpan.FromSeconds(1)))]);

    public static RobotsTxt Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<(bool, string)> Rules)>();
        var delays = new Dictionary<int, double>();
        (List<string> Agents, List<(bool, string)> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n').Take(10_000))
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
                current.Value.Agents.Add(value.ToLowerInvariant());
                lastWasAgent = true;
            }
            else if (key == "crawl-delay" && current is not null
                && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                lastWasAgent = false;
                delays[groups.Count - 1] = Math.Min(seconds, 60);
            }
            else if ((key == "allow" || key == "disallow") && current is not null)
            {
                lastWasAgent = false;
                if (value.Length > 0)
                {
                    current.Value.Rules.Add((key == "allow", value));
                }
            }
        }
        var token = productToken.ToLowerInvariant();
        var mine = Enumerable.Range(0, groups.Count).Where(i => groups[i].Agents.Any(a => a != "*" && token.StartsWith(a, StringComparison.Ordinal))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. Enumerable.Range(0, groups.Count).Where(i => groups[i].Agents.Contains("*"))];
        }
        var rules = mine.SelectMany(i => groups[i].Rules).Select(r => (r.Item1, r.Item2, ToRegex(r.Item2))).ToList();
        var delay = mine.Where(delays.ContainsKey).Select(i => delays[i]).DefaultIfEmpty(-1).Max();
        return new RobotsTxt(rules, delay >= 0 ? TimeSpan.FromSeconds(delay) : null);
    }

    public bool IsAllowed(Uri url)
    {
        var path = url.PathAndQuery;
        var best = (Allow: true, Length: -1);
        foreach (var (allow, pattern, regex) in _rules)
        {
            bool hit;
            try
            {
                hit = regex.IsMatch(path);
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            if (hit && (pattern.Length > best.Length || (pattern.Length == best.Length && allow)))
            {
                best = (allow, pattern.Length);
            }
        }
        return best.Allow;
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = Regex.Escape(anchored ? pattern[..^1] : pattern).Replace(@"\*", ".*", StringComparison.Ordinal);
        return new Regex("^" + body + (anchored ? "$" : ""), RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
