namespace AdWatch.Privacy;

/// <summary>What one purge deleted, by kind.</summary>
public sealed record RetentionResult(int Ads, int Versions, int Observations, int Evidence, int StoredImages, int Phones, int Places, int CrawlRequests,
    int ErrorSnapshots, int AuditEntries, int CacheEntries)
{
    /// <summary>Alerts emptied (summary, evidence pack and inbox rows gone; the event's key kept).</summary>
    public int Alerts { get; init; }
    public int Watches { get; init; }
    public int Controls { get; init; }
    public int Measures { get; init; }

    /// <summary>Review notes emptied (the status change itself, who and when, stays).</summary>
    public int ReviewNotes { get; init; }

    public override string ToString() =>
        $"{Ads} ads ({Versions} versions, {Observations} observations), {Evidence} evidence blobs, {StoredImages} stored images, {Phones} phones, {Places} places, " +
        $"{CrawlRequests} crawl requests, {ErrorSnapshots} error snapshots, {AuditEntries} audit entries, {CacheEntries} cache entries, " +
        $"{Alerts} alerts, {Watches} watches, {Controls} controls, {Measures} measures, {ReviewNotes} review notes";
}
