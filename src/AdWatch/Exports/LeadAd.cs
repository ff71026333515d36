namespace AdWatch.Exports;

/// <summary>
/// An ad placed at the lead's location, with its newest captured evidence: capture time and the SHA-256 of the raw
/// page bytes in <c>evidence_blobs</c> (null when the ad came from an import without a page).
/// </summary>
public sealed record LeadAd(long AdId, string Site, string Url, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt,
    DateTimeOffset? CapturedAt, string? EvidenceSha256);
