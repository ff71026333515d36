namespace AdWatch.Analysis;

/// <summary>What <see cref="AnalysisWriter"/> stored: database ids of locations (by place) and flags (by location), and the rows it touched.</summary>
public sealed record WrittenAnalysis(
    IReadOnlyDictionary<long, long> LocationIdByPlace,
    IReadOnlyDictionary<long, FlagState> FlagByLocation,
    IReadOnlyDictionary<string, long> AdvertiserIdByKey,
    WriteStats Stats);
