namespace AdWatch.Evidence;

/// <summary>A row of <c>ads</c>.</summary>
public sealed class AdRow
{
    internal const string Columns = """
        id AS Id, site_id AS SiteId, external_id AS ExternalId, url AS Url, status AS Status, first_seen_at AS FirstSeenAt,
        last_seen_at AS LastSeenAt, gone_at AS GoneAt, missing_runs AS MissingRuns, current_version_id AS CurrentVersionId,
        etag AS ETag, last_modified AS LastModified, card_hash AS CardHash, verified_at AS VerifiedAt
        """;

    public long Id { get; init; }
    public long SiteId { get; init; }
    public string ExternalId { get; init; } = "";
    public string Url { get; init; } = "";

    /// <summary><c>active</c>, <c>missing</c> or <c>gone</c>.</summary>
    public string Status { get; init; } = "";
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? GoneAt { get; init; }
    public long MissingRuns { get; init; }
    public long? CurrentVersionId { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>The listing card's hash when the page was last fetched; null when not known.</summary>
    public string? CardHash { get; init; }

    /// <summary>When (observation time) the ad page itself was last fetched with 200 or 304.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }
}
