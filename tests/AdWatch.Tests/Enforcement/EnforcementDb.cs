using AdWatch.Enforcement;
using AdWatch.Privacy;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Enforcement;

/// <summary>A migrated temporary SQLite database with a store on it, and minimal places and locations to record on.</summary>
public sealed class EnforcementDb : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"adwatch-enforcement-{Guid.NewGuid():N}.db");

    private EnforcementDb()
    {
        Database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = _path }));
        Store = new EnforcementStore(Database, new AuditLog(Database, Time), Time);
    }

    public FakeTimeProvider Time { get; } = new(T0);
    public Database Database { get; }
    public EnforcementStore Store { get; }

    public static async Task<EnforcementDb> CreateAsync(CancellationToken ct)
    {
        var db = new EnforcementDb();
        await new SchemaMigrator(db.Database, db.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(ct);
        return db;
    }

    /// <summary>Inserts a place with <paramref name="label"/> in <paramref name="municipality"/> and its location; returns the location id.</summary>
    public async Task<long> AddLocationAsync(string label, string municipality, CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        var placeId = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO places (key, label, precision, municipality_code, in_region, source, geocoded_at)
            VALUES (@key, @label, 'address', @municipality, TRUE, 'gazetteer', 0) RETURNING id
            """, new { key = "test:" + label, label, municipality }, cancellationToken: ct));
        return await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@placeId, 0, 0) RETURNING id", new { placeId }, cancellationToken: ct));
    }

    public async Task<List<(string Actor, string Action, string TargetKind, string TargetId, string Detail)>> AuditAsync(CancellationToken ct)
    {
        await using var c = await Database.OpenAsync(ct);
        return [.. await c.QueryAsync<(string, string, string, string, string)>(new CommandDefinition(
            "SELECT actor, action, target_kind, target_id, detail FROM audit_log ORDER BY id", cancellationToken: ct))];
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
