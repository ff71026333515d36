namespace AdWatch.Crawling;

/// <summary>What storing a sighting did. Replaying the same sighting yields the same result (idempotent).</summary>
public sealed record ObservationResult(long AdId, long VersionId, AdChange Change);
