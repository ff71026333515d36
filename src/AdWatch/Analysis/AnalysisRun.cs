namespace AdWatch.Analysis;

/// <summary>
/// One run of <see cref="AnalysisRunner"/>: the contract report, the full result, what was written, and how the run went
/// (<see cref="Mode"/> full or incremental, versions fingerprinted, ads changed since the previous run, ads recomputed — all of them in
/// a full run, the affected link clusters in an incremental one —, warnings such as bad CSV rows). <see cref="Result"/> holds what
/// this run computed; <see cref="Report"/> is read back from the database and always covers everything.
/// </summary>
public sealed record AnalysisRun(
    AnalysisReport Report,
    AnalysisResult Result,
    WrittenAnalysis Written,
    string Mode,
    int Fingerprinted,
    int ChangedAds,
    int RecomputedAds,
    IReadOnlyList<string> Warnings);
