using System.Text;
using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Web.Pages.Admin;

/// <summary>The audit log page: filter by actor, action and period, newest first, paged.</summary>
public sealed class AuditQuery(Database database)
{
    public const int PageSize = 50;

    /// <summary>One page of entries matching <paramref name="filter"/> and the total count.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, int Total)> GetAsync(AuditFilter filter, int page, CancellationToken ct)
    {
        var where = new StringBuilder("WHERE 1 = 1");
        var args = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            where.Append(" AND actor = @actor");
            args.Add("actor", filter.Actor.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            where.Append(" AND action = @action");
            args.Add("action", filter.Action.Trim());
        }
        if (filter.From is { } from)
        {
            where.Append(" AND at >= @from");
            args.Add("from", from.ToUnixTimeMilliseconds());
        }
        if (filter.To is { } to)
        {
            where.Append(" AND at < @to");
            args.Add("to", to.ToUnixTimeMilliseconds());
        }
        args.Add("limit", PageSize);
        args.Add("offset", Math.Max(0, page - 1) * PageSize);

        await using var connection = await database.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) FROM audit_log {where}", args, cancellationToken: ct));
        var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            $"SELECT * FROM audit_log {where} ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        return ([.. entries], total);
    }

    /// <summary>The actions present in the log, for the filter's choices.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT DISTINCT action FROM audit_log ORDER BY action", cancellationToken: ct))];
    }
}
