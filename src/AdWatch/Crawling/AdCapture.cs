namespace AdWatch.Crawling;

/// <summary>
/// One sighting of an ad, from a crawl or an import, ready to be stored. A crawl that fetched the page sets
/// <see cref="VerifiedAt"/> (the run's observation time) and the listing's <see cref="CardHash"/>; an import sets neither.
/// </summary>
public sealed record AdCapture(
    long SiteId,
    string ExternalId,
    string Url,
    AdFields Fields,
    DateTimeOffset ObservedAt,
    string Source,
    long? RunId,
    ReadOnlyMemory<byte> RawBytes,
    string? ContentType,
    int? HttpStatus,
    string? ETag = null,
    string? LastModified = null,
    DateTimeOffset? CapturedAt = null,
    string? CardHash = null,
    DateTimeOffset? VerifiedAt = null)
{
    /// <summary>When the bytes were fetched (evidence time); the observation time when not given (imports, replays).</summary>
    public DateTimeOffset EvidenceTime => CapturedAt ?? ObservedAt;
}
