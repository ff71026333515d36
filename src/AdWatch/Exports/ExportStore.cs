using AdWatch.Storage;
using Dapper;

namespace AdWatch.Exports;

/// <summary>
/// The export outbox. Each step of an export records what it created (e.g. the zaak URL) in <c>outbox_json</c>
/// before the next step runs, so a retry resumes at the first missing step instead of creating duplicates.
/// </summary>
public sealed class ExportStore(Database database)
{
    public async Task<long> CreateAsync(long? flagId, string kind, string requestedBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO exports (flag_id, kind, status, requested_by, created_at) VALUES (@flagId, @kind, 'pending', @requestedBy, @at)
            RETURNING id
            """, new { flagId, kind, requestedBy, at }, cancellationToken: ct));
    }

    public async Task<ExportRow?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ExportRow>(new CommandDefinition(
            "SELECT * FROM exports WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Records progress of one attempt: the outbox after the last finished step, and the status.</summary>
    public async Task SaveProgressAsync(long id, string status, string outboxJson, string? lastError, DateTimeOffset? completedAt,
        CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE exports SET status = @status, outbox_json = @outboxJson, last_error = @lastError, completed_at = @completedAt
            WHERE id = @id
            """, new { id, status, outboxJson, lastError, completedAt }, cancellationToken: ct));
    }

    public async Task<int> BeginAttemptAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "UPDATE exports SET attempts = attempts + 1, status = 'running' WHERE id = @id RETURNING attempts", new { id }, cancellationToken: ct));
    }

    /// <summary>The zaak URL of the flag's last finished ZGW export; null when none finished.</summary>
    public async Task<string?> ZaakOfAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var outbox = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition("""
            SELECT outbox_json FROM exports WHERE flag_id = @flagId AND kind = 'zgw' AND status = 'done'
            ORDER BY completed_at DESC, id DESC LIMIT 1
            """, new { flagId }, cancellationToken: ct));
        return outbox is null ? null : Zgw.ZgwOutbox.Parse(outbox).Zaak;
    }

    public async Task<IReadOnlyList<ExportRow>> ForFlagAsync(long flagId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<ExportRow>(new CommandDefinition(
            "SELECT * FROM exports WHERE flag_id = @flagId ORDER BY created_at DESC, id DESC", new { flagId }, cancellationToken: ct))];
    }
}
