using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.Geocoding;

/// <summary>
/// What extraction learned per ad version: phones, places, indicators and image hashes. Saving replaces the
/// version's previous results in one transaction, so re-running extraction after a fix is always safe.
/// </summary>
public sealed class ExtractionStore(Database database)
{
    /// <summary>Ad versions whose extraction has not run yet, oldest first.</summary>
    public async Task<IReadOnlyList<long>> PendingVersionIdsAsync(int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM ad_versions WHERE extracted_at IS NULL ORDER BY id LIMIT @limit", new { limit }, cancellationToken: ct))];
    }

    /// <summary>Marks every version for re-extraction (after an extractor fix or a gazetteer update); returns how many.</summary>
    public async Task<int> ResetAllAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("UPDATE ad_versions SET extracted_at = NULL", cancellationToken: ct));
    }

    /// <summary>
    /// Replaces the version's extraction and stores its text fingerprint (from <paramref name="title"/> and <paramref name="body"/>
    /// with the phone and address mentions just found cut out) in the same transaction. <paramref name="titleBoilerplate"/> is the
    /// site's own title wording (its <c>titleBoilerplate</c>): never the advertiser's name, and cut from the fingerprint too.
    /// </summary>
    public Task SaveAsync(long versionId, string? title, string? body, GeocodedExtraction result, IReadOnlyList<(string Url, ulong? Hash)> images,
        IReadOnlyList<string> titleBoilerplate, DateTimeOffset at, CancellationToken ct) =>
        SaveAsync(versionId, title, body, result, images, [], titleBoilerplate, at, ct);

    /// <summary>
    /// As above, with the phones OCR read from the version's images (<paramref name="imagePhones"/>), stored like text phones
    /// with source <c>image</c> and the OCR text as raw. A number also in the text keeps source <c>text</c>; image phones are
    /// not cut from the text fingerprint (they are not in the text).
    /// </summary>
    public async Task SaveAsync(long versionId, string? title, string? body, GeocodedExtraction result, IReadOnlyList<(string Url, ulong? Hash)> images,
        IReadOnlyList<ImagePhone> imagePhones, IReadOnlyList<string> titleBoilerplate, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(imagePhones);
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var table in new[] { "ad_phones", "ad_places", "ad_indicators", "ad_images" })
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {table} WHERE version_id = @versionId", new { versionId }, tx, cancellationToken: ct));
        }

        var slots = new List<string>(); // the mentions stored, as TextFingerprinter.RunAsync would read them back
        foreach (var phone in result.Phones)
        {
            var phoneId = await UpsertPhoneAsync(connection, tx, phone.E164, ct);
            if (await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, @Raw, @Obfuscated)
                    ON CONFLICT DO NOTHING
                    """, new { versionId, phoneId, phone.Raw, phone.Obfuscated }, tx, cancellationToken: ct)) == 1)
            {
                slots.Add(phone.Raw);
            }
        }

        foreach (var phone in imagePhones)
        {
            var phoneId = await UpsertPhoneAsync(connection, tx, phone.E164, ct);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated, source) VALUES (@versionId, @phoneId, @Text, FALSE, 'image')
                ON CONFLICT DO NOTHING
                """, new { versionId, phoneId, phone.Text }, tx, cancellationToken: ct));
        }

        foreach (var address in result.Addresses)
        {
            var placeId = await PlaceStore.UpsertAsync(connection, tx, address, "gazetteer", at, ct);
            if (await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO ad_places (version_id, place_id, raw) VALUES (@versionId, @placeId, @Raw) ON CONFLICT DO NOTHING
                    """, new { versionId, placeId, address.Raw }, tx, cancellationToken: ct)) == 1)
            {
                slots.Add(address.Raw);
            }
        }

        foreach (var hit in result.Indicators)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO ad_indicators (version_id, code, evidence) VALUES (@versionId, @Code, @Evidence) ON CONFLICT DO NOTHING
                """, new { versionId, hit.Code, hit.Evidence }, tx, cancellationToken: ct));
        }

        foreach (var (url, hash) in images)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO ad_images (version_id, url, phash) VALUES (@versionId, @url, @phash) ON CONFLICT DO NOTHING
                """, new { versionId, url, phash = hash is { } h ? unchecked((long)h) : (long?)null }, tx, cancellationToken: ct));
        }

        var (simhash, name) = TextFingerprinter.Fingerprint(title, body, slots, titleBoilerplate);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ad_versions SET extracted_at = @at, text_simhash = @simhash, advertiser_name = @name, fingerprinted_at = @at WHERE id = @versionId
            """, new { versionId, at, simhash = simhash is { } s ? unchecked((long)s) : (long?)null, name }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private static Task<long> UpsertPhoneAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, string e164, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO phones (e164, region_code) VALUES (@e164, @Region)
            ON CONFLICT (e164) DO UPDATE SET region_code = COALESCE(phones.region_code, excluded.region_code)
            RETURNING id
            """, new { e164, Region = PhoneRegions.RegionOf(e164) }, tx, cancellationToken: ct));

    /// <summary>The stored extraction of one version (phones with their current status, places, indicators, image hashes).</summary>
    public async Task<StoredExtraction> GetAsync(long versionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var phones = await connection.QueryAsync<StoredPhone>(new CommandDefinition("""
            SELECT p.id AS phone_id, p.e164, p.status, ap.raw, ap.obfuscated, ap.source
            FROM ad_phones ap JOIN phones p ON p.id = ap.phone_id WHERE ap.version_id = @versionId ORDER BY p.e164
            """, new { versionId }, cancellationToken: ct));
        var places = await connection.QueryAsync<PlaceRow>(new CommandDefinition("""
            SELECT pl.* FROM ad_places ap JOIN places pl ON pl.id = ap.place_id WHERE ap.version_id = @versionId ORDER BY pl.id
            """, new { versionId }, cancellationToken: ct));
        var indicators = await connection.QueryAsync<IndicatorHit>(new CommandDefinition(
            "SELECT code, evidence FROM ad_indicators WHERE version_id = @versionId ORDER BY code", new { versionId }, cancellationToken: ct));
        var images = await connection.QueryAsync<(string Url, long? Phash)>(new CommandDefinition(
            "SELECT url, phash FROM ad_images WHERE version_id = @versionId ORDER BY url", new { versionId }, cancellationToken: ct));
        return new StoredExtraction([.. phones], [.. places], [.. indicators],
            [.. images.Select(i => (i.Url, i.Phash is { } p ? unchecked((ulong)p) : (ulong?)null))]);
    }

    /// <summary>Marks a phone as <c>ok</c>, <c>generic</c> (a site's service number) or <c>bad</c> (a misread); analysis drops links through generic and bad phones.</summary>
    public async Task<bool> SetPhoneStatusAsync(string e164, string status, string? note, string by, DateTimeOffset at, CancellationToken ct)
    {
        if (status is not ("ok" or "generic" or "bad"))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "Phone status must be ok, generic or bad.");
        }
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE phones SET status = @status, status_note = @note, status_by = @by, status_at = @at WHERE e164 = @e164
            """, new { e164, status, note, by, at }, cancellationToken: ct)) == 1;
    }
}
