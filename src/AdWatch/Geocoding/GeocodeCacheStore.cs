using AdWatch.Storage;
using Dapper;

namespace AdWatch.Geocoding;

/// <summary>Table <c>geocode_cache</c>: raw online geocoder answers by provider and request, so a query is paid for once.</summary>
public sealed class GeocodeCacheStore(Database database)
{
    /// <summary>The cached response, or null when there is none fetched at or after <paramref name="notBefore"/>.</summary>
    public async Task<string?> GetAsync(string provider, string query, DateTimeOffset notBefore, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
            SELECT response
            FROM geocode_cache
            WHERE provider = @Provider AND query = @Query AND fetched_at >= @NotBefore
            """, new { Provider = provider, Query = query, NotBefore = notBefore }, cancellationToken: ct));
    }

    /// <summary>Stores or refreshes a response.</summary>
    public async Task PutAsync(string provider, string query, string response, DateTimeOffset fetchedAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO geocode_cache (provider, query, response, fetched_at)
            VALUES (@Provider, @Query, @Response, @FetchedAt)
            ON CONFLICT (provider, query) DO UPDATE SET response = excluded.response, fetched_at = excluded.fetched_at
            """, new { Provider = provider, Query = query, Response = response, FetchedAt = fetchedAt }, cancellationToken: ct));
    }
}
