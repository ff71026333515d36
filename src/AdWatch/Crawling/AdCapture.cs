namespace AdWatch.Crawling;

/// <summary>One sighting of an ad, from a crawl or an import, ready to be stored.</summary>
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
    DateTimeOffset? CapturedAt = null)
{
    /// <summary>When the bytes were fetched (evidence time); the observation time when not given (imports, replays).</summary>
    public DateTimeOffset EvidenceTime => CapturedAt ?? ObservedAt;
}
