using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// The loaded indicator lexicon, compiled for matching. Patterns match case-insensitively and only as whole
/// words (never inside a longer word); the first match per indicator is the evidence. Thread-safe.
/// </summary>
public sealed class IndicatorLexicon
{
    /// <summary>Hostile text must not stall extraction on an unlucky pattern; a timed-out pattern counts as no match.</summary>
    /// <remarks>Generous: it guards against runaway backtracking, and must not fire on a merely busy machine.</remarks>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(5);

    private const int MaxEvidence = 160;

    private readonly (IndicatorDefinition Definition, Regex? Regex)[] _entries;

    public IndicatorLexicon(IReadOnlyList<IndicatorDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        _entries = definitions.Select(d => (d, Compile(d))).ToArray();

        // Compiled regexes are JIT-compiled on first use; do it now so the first ad's match is not charged with it
        // (on a busy machine that alone could hit the timeout and silently drop an indicator).
        foreach (var (_, regex) in _entries)
        {
            try
            {
                regex?.IsMatch("warm-up 24/7");
            }
            catch (RegexMatchTimeoutException)
            {
                // Compilation is done even when the machine was too busy to finish the match in time.
            }
        }
    }

    public IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>The indicators <paramref name="text"/> shows, plus builtin signals from the phones found in it.</summary>
    public IReadOnlyList<IndicatorHit> Match(string text, IReadOnlyList<ExtractedPhone> phones)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phones);
        var hits = new List<IndicatorHit>();
        foreach (var (definition, regex) in _entries)
        {
            var evidence = definition.Builtin == "obfuscated-phone" ? phones.FirstOrDefault(p => p.Obfuscated)?.Raw : null;
            evidence ??= regex is null ? null : FirstMatch(regex, text);
            if (evidence is not null)
            {
                hits.Add(new IndicatorHit(definition.Code, evidence));
            }
        }

        return hits;
    }

    private static string? FirstMatch(Regex regex, string text)
    {
        try
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                return null;
            }

            var value = string.Join(' ', match.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return value.Length <= MaxEvidence ? value : value[..MaxEvidence];
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex? Compile(IndicatorDefinition definition)
    {
        var patterns = definition.Patterns.Values.SelectMany(p => p).ToList();
        if (patterns.Count == 0)
        {
            return null;
        }

        var alternation = string.Join('|', patterns.Select(p => $"(?:{p})"));
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled,
            MatchTimeout);
    }
}
