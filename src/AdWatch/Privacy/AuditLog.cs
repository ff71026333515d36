using AdWatch.Storage;
using Dapper;

namespace AdWatch.Privacy;

/// <summary>
/// Who viewed, changed or exported what, and when. Append-only: there is no update or delete here, and retention
/// purges are themselves audited.
/// </summary>
public sealed class AuditLog(Database database, TimeProvider time)
{
    public async Task WriteAsync(string actor, string action, string targetKind, string? targetId, string? detail, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_log (at, actor, action, target_kind, target_id, detail) VALUES (@at, @actor, @action, @targetKind, @targetId, @detail)
            """, new { at = time.GetUtcNow(), actor = NoNul(actor), action, targetKind, targetId = NoNul(targetId), detail = NoNul(detail) }, cancellationToken: ct));
    }

    /// <summary>A NUL typed into a query (<c>/phones?q=%00</c>) would make PostgreSQL refuse the row, and the page a 500.</summary>
    private static string? NoNul(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(DateTimeOffset? since, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        // No `@since IS NULL OR …`: PostgreSQL cannot type a parameter that is only compared with NULL.
        var where = since is null ? "" : "WHERE at >= @since";
        return [.. await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT * FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT @limit", new { since, limit }, cancellationToken: ct))];
    }
}
