using System.Data.Common;

namespace AdWatch.Crawling;

/// <summary>
/// Where a crawl hands what it captured: the evidence store (<c>AdWatch.Evidence.CaptureStore</c>) implements it.
/// Crawling comes before Evidence in the pipeline, so it names what it hands on and asks back, not who keeps it; tests
/// of the crawl may fake it. Every write is idempotent: a request handed out again after a crash stores nothing twice.
/// </summary>
public interface ICaptureStore
{
    /// <summary>The HTTP validators of the last stored page of a known ad (for a conditional GET), or null for a new ad.</summary>
    Task<CacheValidators?> ValidatorsAsync(long siteId, string externalId, CancellationToken ct);

    /// <summary>Stores one sighting of an ad with its page bytes as evidence.</summary>
    Task<ObservationResult> RecordAsync(AdCapture capture, CancellationToken ct);

    /// <summary>
    /// A sighting of a known ad whose page did not change (HTTP 304): its page counts as verified at
    /// <paramref name="observedAt"/>, with the listing's <paramref name="cardHash"/> when known. Null when the ad is unknown.
    /// </summary>
    Task<ObservationResult?> RecordUnchangedAsync(long siteId, string externalId, long runId, string source, DateTimeOffset observedAt,
        string? cardHash, CancellationToken ct);

    /// <summary>Card hash and last verification of the listed ads that are known, stored and not gone (by external id).</summary>
    Task<IReadOnlyDictionary<string, KnownCard>> KnownCardsAsync(long siteId, IReadOnlyCollection<string> externalIds, CancellationToken ct);

    /// <summary>
    /// For a site whose ad id is on the page only (<c>ad.idSelector</c>): the external id of the one known, stored, not gone
    /// ad last fetched from each URL. A URL two such ads share maps to neither (their pages are fetched).
    /// </summary>
    Task<IReadOnlyDictionary<string, string>> ExternalIdsByUrlAsync(long siteId, IReadOnlyCollection<string> urls, CancellationToken ct);

    /// <summary>
    /// Ads whose listing card did not change: one sighting each of its current version (observation source
    /// <c>listing</c>), without fetching the page. Returns the ids recorded; an ad gone or unknown meanwhile is not.
    /// </summary>
    Task<IReadOnlySet<string>> RecordSightingsAsync(long siteId, IReadOnlyCollection<string> externalIds, long runId, DateTimeOffset observedAt,
        CancellationToken ct);

    /// <summary>The site says the ad is gone (404/410 or an expired page); false when the ad is unknown.</summary>
    Task<bool> MarkGoneAsync(long siteId, string externalId, DateTimeOffset at, CancellationToken ct);

    /// <summary>Keeps the bytes of a failed page as evidence for the error snapshot; returns the evidence id.</summary>
    Task<long> SaveFailedPageAsync(ReadOnlyMemory<byte> body, string url, string? contentType, int? status, DateTimeOffset at, CancellationToken ct);

    /// <summary>The fields of the versions of the pages a run fetched (for the field-coverage health check; listing sightings left out).</summary>
    Task<IReadOnlyList<AdFields>> FieldsSeenInRunAsync(long runId, CancellationToken ct);

    /// <summary>
    /// The lifecycle diff after a healthy run, inside the caller's transaction that closes the run: ads not seen in it
    /// count one more missing run and are gone after <paramref name="goneAfterRuns"/>. Returns how many went.
    /// </summary>
    Task<int> ApplyMissingAsync(DbConnection connection, DbTransaction tx, long siteId, long runId, DateTimeOffset observedAt,
        int goneAfterRuns, CancellationToken ct);
}

/// <summary>The validators a server sent with a page, replayed as If-None-Match / If-Modified-Since.</summary>
public sealed record CacheValidators(string? ETag, string? LastModified);

/// <summary>What is stored of a listed ad for the revisit rule: its card hash and when its page was last verified.</summary>
public sealed record KnownCard(string? CardHash, DateTimeOffset? VerifiedAt);
