using AdWatch.Storage;
using Dapper;

namespace AdWatch.Analysis;

/// <summary>
/// Small reads of the stored analysis (a flag, the ads of an advertiser). Every write goes through <see cref="AnalysisWriter"/>,
/// which recomputes advertisers, locations, stays and flags and keeps each flag's review status and first-flagged time.
/// </summary>
public sealed class AnalysisStore(Database database)
{
    public async Task<IReadOnlyList<long>> AdsOfAdvertiserAsync(long advertiserId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT ad_id FROM advertiser_ads WHERE advertiser_id = @advertiserId ORDER BY ad_id", new { advertiserId }, cancellationToken: ct))];
    }

    public async Task<FlagRow?> GetFlagAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<FlagRow>(new CommandDefinition(
            "SELECT * FROM flags WHERE id = @flagId", new { flagId }, cancellationToken: ct));
    }
}

/// <summary>A row of <c>flags</c>: a location flagged for human review, with its review status.</summary>
public sealed record FlagRow
{
    public long Id { get; init; }
    public long LocationId { get; init; }
    public double Score { get; init; }
    public required string Status { get; init; }
    public required string ReasonsJson { get; init; }
    public DateTimeOffset FirstFlaggedAt { get; init; }
    public DateTimeOffset ComputedAt { get; init; }
    public DateTimeOffset AsOf { get; init; }
    public string? AssignedTo { get; init; }
}
