using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AdWatch.IntegrationTests.Storage;

/// <summary>
/// A fresh, empty database for one test: a temp SQLite file, or a new PostgreSQL database on the server named by
/// ADWATCH_TEST_POSTGRES (a connection string; .ci/run starts a local server and sets it).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ADWATCH_TEST_POSTGRES";

    private readonly string? _sqliteDirectory;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(Database database, string? sqliteDirectory, string? postgresAdmin, string? postgresName)
    {
        Database = database;
        _sqliteDirectory = sqliteDirectory;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public Database Database { get; }

    /// <summary>The PostgreSQL connection string of this database (null for SQLite), for tests that open several <see cref="Database"/>s on it.</summary>
    public string? PostgresConnectionString { get; private init; }

    public static TestDatabase Sqlite()
    {
        var dir = Directory.CreateTempSubdirectory("adwatch-test-").FullName;
        var options = Options.Create(new StorageOptions { DatabasePath = Path.Combine(dir, "adwatch.db") });
        return new TestDatabase(new Database(options), dir, null, null);
    }

    /// <summary>A new PostgreSQL database, or a skipped test when no server is configured.</summary>
    public static async Task<TestDatabase> PostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            Assert.Skip($"PostgreSQL tests need {PostgresVariable} (a connection string to a server where the user may CREATE DATABASE); .ci/run sets it.");
        }
        var name = "adwatch_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {name}");
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        var options = Options.Create(new StorageOptions { Provider = "postgres", ConnectionString = builder.ConnectionString });
        return new TestDatabase(new Database(options), null, admin, name) { PostgresConnectionString = builder.ConnectionString };
    }

    public SchemaMigrator Migrator(TimeProvider? time = null) =>
        new(Database, time ?? TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        if (_sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
        if (_postgresAdmin is not null)
        {
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)");
        }
    }
}
