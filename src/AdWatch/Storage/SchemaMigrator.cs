using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Logging;

namespace AdWatch.Storage;

/// <summary>
/// Applies the numbered scripts in <c>Storage/Migrations</c> that the database has not seen, each in its own
/// transaction, and records them in <c>schema_version</c> with a checksum. A landed script whose text changed
/// afterwards is refused: migrations are append-only.
/// </summary>
public sealed class SchemaMigrator(Database database, TimeProvider time, ILogger<SchemaMigrator> logger)
{
    /// <summary>The advisory lock key of migrations on PostgreSQL: "AdWatchM" in ASCII, fixed so every process and version agrees.</summary>
    public const long PostgresLockKey = 0x4164_5761_7463_684D;

    /// <summary>
    /// Applies pending migrations; returns the versions applied now (empty when up to date). On PostgreSQL every process
    /// migrates under one session-level advisory lock, so processes starting together on an empty database take turns
    /// instead of racing to create the same tables; <paramref name="whileLocked"/> runs under the same lock (the job store's
    /// own schema installer, which races the same way).
    /// </summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken ct, Func<CancellationToken, Task>? whileLocked = null)
    {
        // PostgreSQL: one turn for every process on the database (DatabaseLock); SQLite is used from one process only.
        await using var turn = database.Dialect == SqlDialect.Postgres ? await DatabaseLock.AcquireAsync(database, PostgresLockKey, ct) : null;
        await using var connection = await database.OpenAsync(ct);
        var done = await MigrateLockedAsync(connection, ct);
        if (whileLocked is not null)
        {
            await whileLocked(ct);
        }
        return done;
    }

    private async Task<IReadOnlyList<int>> MigrateLockedAsync(System.Data.Common.DbConnection connection, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                name        TEXT NOT NULL,
                checksum    TEXT NOT NULL,
                applied_at  BIGINT NOT NULL
            )
            """, cancellationToken: ct));

        var applied = (await connection.QueryAsync<(long Version, string Name, string Checksum)>(
            new CommandDefinition("SELECT version, name, checksum FROM schema_version", cancellationToken: ct)))
            .ToDictionary(r => (int)r.Version);

        var done = new List<int>();
        foreach (var script in Scripts(database.Dialect))
        {
            if (applied.TryGetValue(script.Version, out var landed))
            {
                if (landed.Checksum != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {script.Version:0000} '{script.Name}' was changed after it was applied to {database.Description}. " +
                        "Landed migrations must never be edited: restore the original script and add a new numbered one.");
                }
                continue;
            }

            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES (@Version, @Name, @Checksum, @At)",
                new { script.Version, script.Name, script.Checksum, At = time.GetUtcNow() }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            logger.LogInformation("Applied migration {Version:0000} {Name} to {Database}", script.Version, script.Name, database.Description);
            done.Add(script.Version);
        }
        return done;
    }

    /// <summary>The embedded scripts for a dialect, in order. <c>NNNN_name.sql</c> is shared; <c>NNNN_name.{dialect}.sql</c> overrides it.</summary>
    internal static IReadOnlyList<MigrationScript> Scripts(SqlDialect dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var byVersion = new SortedDictionary<int, MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("migrations/", StringComparison.Ordinal)))
        {
            var file = resource["migrations/".Length..^".sql".Length];
            var parts = file.Split('.');
            if (parts.Length == 2 && parts[1] != dialect.Name)
            {
                continue;
            }
            var underscore = parts[0].IndexOf('_', StringComparison.Ordinal);
            var version = int.Parse(parts[0][..underscore], System.Globalization.CultureInfo.InvariantCulture);
            if (byVersion.ContainsKey(version) && parts.Length == 1)
            {
                continue; // a dialect-specific override already won
            }
            var text = Read(assembly, resource);
            byVersion[version] = new MigrationScript(version, parts[0][(underscore + 1)..], dialect.Expand(text),
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        }
        return [.. byVersion.Values];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    internal sealed record MigrationScript(int Version, string Name, string Sql, string Checksum);
}
