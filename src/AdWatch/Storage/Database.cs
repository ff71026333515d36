using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdWatch.Storage;

/// <summary>Opens connections to the configured database. Stores take one connection per unit of work.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly string _sqliteConnectionString = "";
    private readonly NpgsqlDataSource? _postgres;

    public Database(IOptions<StorageOptions> options)
    {
        DapperSetup.EnsureConfigured();
        var o = options.Value;
        if (o.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(o.ConnectionString))
            {
                throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions),
                    ["Storage:ConnectionString is required when Storage:Provider is 'postgres' (e.g. 'Host=localhost;Database=adwatch;Username=adwatch')."]);
            }
            Dialect = SqlDialect.Postgres;
            _postgres = NpgsqlDataSource.Create(o.ConnectionString);
            Description = $"PostgreSQL {new NpgsqlConnectionStringBuilder(o.ConnectionString).Host}/{new NpgsqlConnectionStringBuilder(o.ConnectionString).Database}";
        }
        else
        {
            Dialect = SqlDialect.Sqlite;
            FilePath = Path.GetFullPath(o.DatabasePath);
            _sqliteConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                ForeignKeys = true,
                Pooling = true,
                DefaultTimeout = 30,
            }.ToString();
            Description = $"SQLite {FilePath}";
        }
    }

    public SqlDialect Dialect { get; }

    /// <summary>The SQLite file, or null for PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>For log lines: which database this is.</summary>
    public string Description { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

        // The command line checked the path before (a --db in a missing folder is an error there, see SqliteFile); a host
        // that configures a path of its own gets its folder.
        var dir = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(ct);
        await using (var pragma = connection.CreateCommand())
        {
            // WAL is persistent once set; busy_timeout lets the Hangfire worker and the web requests share the file.
            // secure_delete overwrites deleted rows with zeros, so what the retention purge deletes is not left readable in
            // free pages (the purge then checkpoints the WAL, see CompactAsync).
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-16384; " +
                                 "PRAGMA secure_delete=ON;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    /// <summary>
    /// After a purge, makes deleted data unreadable on disk. SQLite: a VACUUM when a tenth or more of the file is free pages
    /// (it rewrites the file without them), then a truncating WAL checkpoint, so the log no longer holds the old pages.
    /// PostgreSQL: a plain VACUUM (ANALYZE) so the dead rows' space is reclaimed and soon overwritten; the server's files are
    /// the operator's (encrypted volumes, see docs/operations).
    /// </summary>
    public async Task CompactAsync(CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await using var cmd = c.CreateCommand();
        cmd.CommandTimeout = 0;
        if (Dialect == SqlDialect.Postgres)
        {
            cmd.CommandText = "VACUUM (ANALYZE)";
            await cmd.ExecuteNonQueryAsync(ct);
            return;
        }
        cmd.CommandText = "SELECT (SELECT freelist_count FROM pragma_freelist_count()) * 10 >= (SELECT page_count FROM pragma_page_count())";
        if (Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1)
        {
            cmd.CommandText = "VACUUM";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
