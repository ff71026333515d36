namespace AdWatch.Analysis;

/// <summary>
/// One run of <see cref="AnalysisRunner"/>: the contract report, the full result, what was written, and how the run went
/// (<see cref="Mode"/> full or incremental, versions fingerprinted, ads changed since the previous run, warnings such as bad CSV rows).
/// </summary>
public sealed record AnalysisRun(
    AnalysisReport Report,
    AnalysisResult Result,
    WrittenAnalysis Written,
    string Mode,
    int Fingerprinted,
    int ChangedAds,
    IReadOnlyList<string> Warnings);
