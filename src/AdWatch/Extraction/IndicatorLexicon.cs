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

    /// <summary>
    /// Ads matched with the interpreted patterns before the compiled ones are built. Compiling (emitting and JIT-compiling ~20
    /// large matchers) costs ~0.15 s, which a one-ad <c>adwatch extract</c> would pay at every start; a stream of ads pays it once,
    /// on another thread, and then matches faster.
    /// </summary>
    internal const int InterpretedMatches = 64;

    private (IndicatorDefinition Definition, Regex? Regex)[] _entries;
    private int _matches;

    public IndicatorLexicon(IReadOnlyList<IndicatorDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        _entries = definitions.Select(d => (d, Build(d, RegexOptions.None))).ToArray();
    }

    /// <summary>True once matching uses the compiled patterns.</summary>
    internal bool IsCompiled { get; private set; }

    /// <summary>Builds the compiled patterns and matches with them from then on; returns when they are in use.</summary>
    internal void Compile()
    {
        var compiled = Definitions.Select(d => (d, Build(d, RegexOptions.Compiled))).ToArray();

        // Compiled regexes are JIT-compiled on first use; do it now so an ad's match is not charged with it
        // (on a busy machine that alone could hit the timeout and silently drop an indicator).
        foreach (var (_, regex) in compiled)
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
        Volatile.Write(ref _entries, compiled);
        IsCompiled = true;
    }

    public IReadOnlyList<IndicatorDefinition> Definitions { get; }

    /// <summary>The indicators <paramref name="text"/> shows, plus builtin signals from the phones found in it.</summary>
    public IReadOnlyList<IndicatorHit> Match(string text, IReadOnlyList<ExtractedPhone> phones)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(phones);
        if (Interlocked.Increment(ref _matches) == InterpretedMatches)
        {
            // Many ads: worth compiling. Until the compiled patterns are in use the interpreted ones answer (the same).
            _ = Task.Run(Compile);
        }
        var hits = new List<IndicatorHit>();
        foreach (var (definition, regex) in Volatile.Read(ref _entries))
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

    private static Regex? Build(IndicatorDefinition definition, RegexOptions compiled)
    {
        var patterns = definition.Patterns.Values.SelectMany(p => p).ToList();
        if (patterns.Count == 0)
        {
            return null;
        }

        var alternation = string.Join('|', patterns.Select(p => $"(?:{p})"));
        return new Regex(
            $@"(?<![\p{{L}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | compiled,
            MatchTimeout);
    }
}
