namespace AdWatch.Review;

/// <summary>
/// One stored version of an ad: when it was first seen and the evidence captured with it (the raw page, identified by
/// the SHA-256 of its uncompressed bytes). <see cref="EvidenceId"/> is null for imported ads without a stored page.
/// </summary>
public sealed record DossierCapture(
    long VersionId,
    DateTimeOffset FirstSeen,
    long? EvidenceId,
    string? EvidenceSha256,
    DateTimeOffset? CapturedAt,
    string? ContentType);
