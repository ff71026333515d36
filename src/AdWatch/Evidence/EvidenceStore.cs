using System.Data.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using Dapper;
using AdWatch.Storage;

namespace AdWatch.Evidence;

/// <summary>
/// <c>evidence_blobs</c>: raw page bytes, gzip-compressed, keyed by the SHA-256 of the uncompressed bytes so the same
/// page captured twice is stored once.
/// </summary>
public sealed class EvidenceStore(Database database)
{
    /// <summary>Stores the bytes (or finds them); returns the blob id.</summary>
    public async Task<long> SaveAsync(ReadOnlyMemory<byte> raw, string url, string? contentType, int? httpStatus, DateTimeOffset capturedAt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await SaveAsync(connection, null, raw, url, contentType, httpStatus, capturedAt, ct);
    }

    internal static async Task<long> SaveAsync(DbConnection connection, DbTransaction? tx, ReadOnlyMemory<byte> raw, string url, string? contentType, int? httpStatus, DateTimeOffset capturedAt, CancellationToken ct)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(raw.Span));
        var existing = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM evidence_blobs WHERE sha256 = @sha", new { sha }, tx, cancellationToken: ct));
        if (existing is { } id)
        {
            return id;
        }
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO evidence_blobs (sha256, url, content_type, http_status, captured_at, length, compression, content)
            VALUES (@sha, @url, @contentType, @httpStatus, @capturedAt, @length, 'gzip', @content)
            ON CONFLICT (sha256) DO UPDATE SET sha256 = excluded.sha256
            RETURNING id
            """, new { sha, url, contentType, httpStatus, capturedAt, length = (long)raw.Length, content = Compress(raw.Span) }, tx, cancellationToken: ct));
    }

    /// <summary>A blob with its bytes decompressed, or null.</summary>
    public async Task<EvidenceBlob?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition("""
            SELECT id AS Id, sha256 AS Sha256, url AS Url, content_type AS ContentType, http_status AS HttpStatus,
                   captured_at AS CapturedAt, content AS Content
            FROM evidence_blobs WHERE id = @id
            """, new { id }, cancellationToken: ct));
        return row is null ? null
            : new EvidenceBlob(row.Id, row.Sha256, row.Url, row.ContentType, (int?)row.HttpStatus, row.CapturedAt, Decompress(row.Content));
    }

    internal static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(raw);
        }
        return buffer.ToArray();
    }

    internal static byte[] Decompress(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    private sealed class EvidenceRow
    {
        public long Id { get; init; }
        public string Sha256 { get; init; } = "";
        public string Url { get; init; } = "";
        public string? ContentType { get; init; }
        public long? HttpStatus { get; init; }
        public DateTimeOffset CapturedAt { get; init; }
        public byte[] Content { get; init; } = [];
    }
}
