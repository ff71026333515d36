namespace AdWatch.Extraction;

/// <summary>
/// One entry of config/indicators.yaml: a stable <see cref="Code"/>, its <see cref="Kind"/>, a weight in [0, 1],
/// where the indicator comes from, and regular-expression patterns per language (nl, en, es, pt).
/// <see cref="Builtin"/> names a signal computed by code rather than by text (<c>obfuscated-phone</c>).
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    IndicatorKind Kind,
    double Weight,
    string Source,
    string? Builtin,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Patterns);
