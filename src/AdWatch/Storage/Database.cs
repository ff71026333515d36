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
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA cache_size=-16384;";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
