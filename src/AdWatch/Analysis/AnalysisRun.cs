namespace AdWatch.Analysis;

/// <summary>
/// One run of <see cref="AnalysisRunner"/>: the contract report (read back from the database), the full result, what was
/// written, how many versions were fingerprinted on the way, and warnings such as bad CSV rows.
/// </summary>
public sealed record AnalysisRun(
    AnalysisReport Report,
    AnalysisResult Result,
    WrittenAnalysis Written,
    int Fingerprinted,
    IReadOnlyList<string> Warnings);
