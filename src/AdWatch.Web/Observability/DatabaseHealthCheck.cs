using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AdWatch.Web.Observability;

/// <summary>
/// Ready only if the database answers a real query on AdWatch's own schema (the applied migration), not just a socket:
/// a PostgreSQL server that is up but lost the database, or a SQLite file that was deleted, fails. A missing SQLite file is
/// reported without opening it, since opening would create an empty one.
/// </summary>
internal sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var kind = database.Dialect == SqlDialect.Postgres ? "PostgreSQL" : "SQLite";
        if (database.FilePath is { } file && !File.Exists(file))
        {
            return HealthCheckResult.Unhealthy($"{kind}: the database file is missing.");
        }
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_version", cancellationToken: cancellationToken));
            return version is { } v
                ? HealthCheckResult.Healthy($"{kind}: schema version {v}.")
                : HealthCheckResult.Unhealthy($"{kind}: no migration applied yet.");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException
                                      or System.Net.Sockets.SocketException)
        {
            // The exception type only: messages may carry host names or paths an anonymous probe need not see.
            return HealthCheckResult.Unhealthy($"{kind}: query failed ({e.GetType().Name}).");
        }
    }
}
