namespace AdWatch.Analysis;

/// <summary>What <see cref="AnalysisWriter"/> stored: the flags (by location id) with their review state, and the rows it touched.</summary>
public sealed record WrittenAnalysis(
    IReadOnlyDictionary<long, FlagState> FlagByLocation,
    WriteStats Stats);
