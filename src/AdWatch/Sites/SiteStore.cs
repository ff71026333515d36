using Dapper;
using AdWatch.Storage;

namespace AdWatch.Sites;

/// <summary>The <c>sites</c> table: one row per crawled or import-only site.</summary>
public sealed class SiteStore(Database database, TimeProvider time)
{
    /// <summary>Inserts or refreshes the row for a definition; returns its id.</summary>
    public async Task<long> EnsureAsync(SiteDefinition site, bool importOnly, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var now = time.GetUtcNow();
        // import_only only ever goes from TRUE to FALSE: a site first met in an import becomes a crawled one once it has YAML.
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO sites (name, base_url, fetch_mode, import_only, definition_hash, created_at, updated_at)
            VALUES (@Name, @BaseUrl, @Mode, @ImportOnly, @Hash, @Now, @Now)
            ON CONFLICT (name) DO UPDATE SET
                base_url = COALESCE(excluded.base_url, sites.base_url),
                fetch_mode = CASE WHEN excluded.import_only THEN sites.fetch_mode ELSE excluded.fetch_mode END,
                import_only = sites.import_only AND excluded.import_only,
                definition_hash = COALESCE(excluded.definition_hash, sites.definition_hash),
                updated_at = excluded.updated_at
            RETURNING id
            """, new
        {
            site.Name,
            BaseUrl = string.IsNullOrEmpty(site.BaseUrl) ? null : site.BaseUrl,
            Mode = site.Fetch.Mode.ToString().ToLowerInvariant(),
            ImportOnly = importOnly,
            Hash = site.DefinitionHash,
            Now = now,
        }, cancellationToken: ct));
    }

    /// <summary>The site row by name, or null.</summary>
    public async Task<SiteRow?> FindAsync(string name, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SiteRow>(new CommandDefinition("""
            SELECT id AS Id, name AS Name, base_url AS BaseUrl, fetch_mode AS FetchMode, import_only AS ImportOnly,
                   definition_hash AS DefinitionHash
            FROM sites WHERE name = @name
            """, new { name }, cancellationToken: ct));
    }
}
