namespace AdWatch.Analysis;

/// <summary>
/// What an incremental run recomputed and may replace: every ad of the affected link clusters, and the places whose locations
/// were recomputed from all their stays. <see cref="AnalysisWriter"/> leaves everything outside it as stored.
/// </summary>
public sealed record AnalysisScope(IReadOnlySet<long> AdIds, IReadOnlySet<long> PlaceIds);
