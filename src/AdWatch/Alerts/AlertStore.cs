using System.Data.Common;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Alerts;

/// <summary>Watches, raised alerts and each user's inbox (migration 0017).</summary>
public sealed class AlertStore(Database database, TimeProvider time)
{
    /// <summary>A location (its id), a phone (E.164) or an address (the place key of a house, <c>adr:GM0243:STATIONSLAAN:14A</c>).</summary>
    public static readonly IReadOnlyList<string> WatchKinds = ["location", "phone", "address"];
    public static readonly IReadOnlyList<string> Deliveries = ["immediate", "digest", "inbox"];

    /// <summary>Starts watching; watching the same thing twice is one watch. Returns false when it already existed.</summary>
    public async Task<bool> WatchAsync(string user, string kind, string target, CancellationToken ct)
    {
        if (!WatchKinds.Contains(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A watch is on a location, a phone or an address.");
        }
        if (kind == "address" && !target.StartsWith("adr:", StringComparison.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "An address watch is on a house's place key (adr:…).");
        }
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO watches (user_name, kind, target, created_at) VALUES (@user, @kind, @target, @at) ON CONFLICT (user_name, kind, target) DO NOTHING
            """, new { user, kind, target, at = time.GetUtcNow() }, cancellationToken: ct)) > 0;
    }

    /// <summary>The municipality an address watch's place key names (<c>adr:GM0243:…</c>); null when the key is by postcode or town.</summary>
    public static string? MunicipalityOfAddress(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 4 && parts[0] == "adr" && parts[1].Length == 6 && parts[1].StartsWith("GM", StringComparison.Ordinal)
               && parts[1][2..].All(char.IsAsciiDigit) ? parts[1] : null;
    }

    public async Task<bool> UnwatchAsync(string user, string kind, string target, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("DELETE FROM watches WHERE user_name = @user AND kind = @kind AND target = @target",
            new { user, kind, target }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> IsWatchingAsync(string user, string kind, string target, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM watches WHERE user_name = @user AND kind = @kind AND target = @target", new { user, kind, target }, cancellationToken: ct)) > 0;
    }

    /// <summary>Sets where a user's alerts go: an e-mail address (null: none) and immediate, digest or inbox only.</summary>
    public async Task<bool> SetDeliveryAsync(string user, string? email, string delivery, CancellationToken ct)
    {
        if (!Deliveries.Contains(delivery))
        {
            throw new ArgumentOutOfRangeException(nameof(delivery), delivery, $"Delivery must be one of: {string.Join(", ", Deliveries)}.");
        }
        if (email is not null && !MimeKit.MailboxAddress.TryParse(email, out _))
        {
            throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
        }
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition("UPDATE users SET email = @email, alert_delivery = @delivery WHERE name = @user",
            new { user, email, delivery }, cancellationToken: ct)) > 0;
    }

    /// <summary>The user's alerts, newest first.</summary>
    public async Task<IReadOnlyList<InboxAlert>> InboxAsync(string user, bool unreadOnly, int limit, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return [.. await c.QueryAsync<InboxAlert>(new CommandDefinition($"""
            SELECT a.id AS Id, a.kind AS Kind, a.location_id AS LocationId, a.municipality_code AS MunicipalityCode, a.summary_nl AS SummaryNl,
                   a.summary_en AS SummaryEn, a.evidence_json AS EvidenceJson, a.raised_at AS RaisedAt, i.reason AS Reason, i.read_at AS ReadAt
            FROM alert_inbox i JOIN alerts a ON a.id = i.alert_id
            WHERE i.user_name = @user{(unreadOnly ? " AND i.read_at IS NULL" : "")}
            ORDER BY a.raised_at DESC, a.id DESC LIMIT @limit
            """, new { user, limit }, cancellationToken: ct))];
    }

    public async Task<int> UnreadCountAsync(string user, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return (int)await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM alert_inbox WHERE user_name = @user AND read_at IS NULL", new { user }, cancellationToken: ct));
    }

    public async Task<int> MarkReadAsync(string user, long? alertId, CancellationToken ct)
    {
        await using var c = await database.OpenAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition($"""
            UPDATE alert_inbox SET read_at = @at WHERE user_name = @user AND read_at IS NULL{(alertId is null ? "" : " AND alert_id = @alertId")}
            """, new { user, alertId, at = time.GetUtcNow() }, cancellationToken: ct));
    }

    /// <summary>Raises an alert once per key and puts it in each recipient's inbox; null when the key was raised before.</summary>
    internal static async Task<long?> RaiseAsync(DbConnection c, DbTransaction tx, string key, string kind, long? locationId, string? municipalityCode,
        string summaryNl, string summaryEn, string evidenceJson, DateTimeOffset at, IEnumerable<(string User, string Reason)> recipients, CancellationToken ct)
    {
        var id = await c.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO alerts (key, kind, location_id, municipality_code, summary_nl, summary_en, evidence_json, raised_at)
            VALUES (@key, @kind, @locationId, @municipalityCode, @summaryNl, @summaryEn, @evidenceJson, @at)
            ON CONFLICT (key) DO NOTHING RETURNING id
            """, new { key, kind, locationId, municipalityCode, summaryNl, summaryEn, evidenceJson, at }, tx, cancellationToken: ct));
        if (id is null)
        {
            return null;
        }
        foreach (var (user, reason) in recipients.DistinctBy(r => r.User, StringComparer.Ordinal))
        {
            await c.ExecuteAsync(new CommandDefinition("""
                INSERT INTO alert_inbox (alert_id, user_name, reason) VALUES (@id, @user, @reason) ON CONFLICT (alert_id, user_name) DO NOTHING
                """, new { id, user, reason }, tx, cancellationToken: ct));
        }
        return id;
    }
}
