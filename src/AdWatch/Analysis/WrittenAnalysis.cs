namespace AdWatch.Analysis;

/// <summary>What <see cref="AnalysisWriter"/> stored: the flags (by location id) with their review state, and the rows it touched.</summary>
public sealed record WrittenAnalysis(
    IReadOnlyDictionary<long, FlagState> FlagByLocation,
    WriteStats Stats);

/// <summary>A stored flag's id, review status, whether it currently meets the rule, and when it was first flagged.</summary>
public sealed record FlagState(long Id, string Status, bool Active, DateTimeOffset FirstFlaggedAt);

/// <summary>Rows an analysis run inserted, updated and deleted: proof that an unchanged input writes nothing.</summary>
public sealed record WriteStats(int Inserted, int Updated, int Deleted)
{
    public int Total => Inserted + Updated + Deleted;
}
