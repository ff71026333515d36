using System.Data.Common;
using AdWatch.Crawling;

namespace AdWatch.Evidence;

/// <summary>Keeps what crawls capture: ads, versions and observations (<see cref="AdStore"/>) and raw page bytes (<see cref="EvidenceStore"/>).</summary>
public sealed class CaptureStore(AdStore ads, EvidenceStore evidence) : ICaptureStore
{
    public async Task<CacheValidators?> ValidatorsAsync(long siteId, string externalId, CancellationToken ct) =>
        await ads.FindAsync(siteId, externalId, ct) is { } known ? new CacheValidators(known.ETag, known.LastModified) : null;

    public Task<ObservationResult> RecordAsync(AdCapture capture, CancellationToken ct) => ads.RecordAsync(capture, ct);

    public Task<ObservationResult?> RecordUnchangedAsync(long siteId, string externalId, long runId, string source,
        DateTimeOffset observedAt, string? cardHash, CancellationToken ct) =>
        ads.RecordUnchangedAsync(siteId, externalId, runId, source, observedAt, cardHash, ct);

    public Task<IReadOnlyDictionary<string, KnownCard>> KnownCardsAsync(long siteId, IReadOnlyCollection<string> externalIds, CancellationToken ct) =>
        ads.KnownCardsAsync(siteId, externalIds, ct);

    public Task<IReadOnlyDictionary<string, string>> ExternalIdsByUrlAsync(long siteId, IReadOnlyCollection<string> urls, CancellationToken ct) =>
        ads.ExternalIdsByUrlAsync(siteId, urls, ct);

    public Task<IReadOnlySet<string>> RecordSightingsAsync(long siteId, IReadOnlyCollection<string> externalIds, long runId,
        DateTimeOffset observedAt, CancellationToken ct) =>
        ads.RecordSightingsAsync(siteId, externalIds, runId, observedAt, ct);

    public Task<bool> MarkGoneAsync(long siteId, string externalId, DateTimeOffset at, CancellationToken ct) =>
        ads.MarkGoneAsync(siteId, externalId, at, ct);

    public Task<long> SaveFailedPageAsync(ReadOnlyMemory<byte> body, string url, string? contentType, int? status,
        DateTimeOffset at, CancellationToken ct) =>
        evidence.SaveAsync(body, url, contentType, status, at, ct);

    public Task<IReadOnlyList<AdFields>> FieldsSeenInRunAsync(long runId, CancellationToken ct) => ads.FieldsSeenInRunAsync(runId, ct);

    public Task<int> ApplyMissingAsync(DbConnection connection, DbTransaction tx, long siteId, long runId, DateTimeOffset observedAt,
        int goneAfterRuns, CancellationToken ct) =>
        AdStore.ApplyMissingAsync(connection, tx, siteId, runId, observedAt, goneAfterRuns, ct);
}
