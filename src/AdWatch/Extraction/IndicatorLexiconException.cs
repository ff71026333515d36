namespace AdWatch.Extraction;

/// <summary>config/indicators.yaml is unreadable or invalid; the message names the file, line and field.</summary>
public sealed class IndicatorLexiconException : Exception
{
    public IndicatorLexiconException(string file, long line, string field, string problem)
        : base($"{file}:{line}: {field}: {problem}")
    {
        File = file;
        Line = line;
        Field = field;
    }

    public IndicatorLexiconException()
    {
    }

    public IndicatorLexiconException(string message)
        : base(message)
    {
    }

    public IndicatorLexiconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The lexicon file.</summary>
    public string File { get; } = "";

    /// <summary>1-based line of the offending node.</summary>
    public long Line { get; }

    /// <summary>Path of the offending field, e.g. <c>indicators[3].weight</c>.</summary>
    public string Field { get; } = "";
}
