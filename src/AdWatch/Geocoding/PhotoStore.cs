using AdWatch.Extraction;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>
/// The ad photos kept as evidence (<c>stored_images</c>): each distinct re-encoded image once, by the SHA-256 of its bytes,
/// linked from the image URLs that gave it (<c>image_hashes.image_sha256</c>). The dashboard and the dossier PDF read
/// photos only from here, so viewing a dossier never contacts an ad site. The retention purge deletes a photo once no
/// remaining ad uses it.
/// </summary>
public sealed class PhotoStore(Database database, ImageReencoder reencoder, IOptions<ExtractionOptions> options, TimeProvider time)
{
    /// <summary>Whether photos are kept (<see cref="ExtractionOptions.KeepImages"/>).</summary>
    public bool Enabled => options.Value.KeepImages;

    /// <summary>
    /// Re-encodes <paramref name="fetched"/> and stores it unless the same image is stored already. Returns the SHA-256 of the
    /// stored copy, or null and why nothing was stored.
    /// </summary>
    public async Task<(string? Sha256, string? Problem)> KeepAsync(byte[] fetched, CancellationToken ct)
    {
        if (!options.Value.KeepImages)
        {
            return (null, "keeping images is off (Extraction:KeepImages)");
        }
        var image = reencoder.Reencode(fetched);
        if (!image.IsStored)
        {
            return (null, image.Problem);
        }
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO stored_images (sha256, content_type, width, height, byte_size, stored_at, content)
            VALUES (@Sha256, @ContentType, @Width, @Height, @size, @at, @Bytes) ON CONFLICT (sha256) DO NOTHING
            """, new { image.Sha256, image.ContentType, image.Width, image.Height, size = (long)image.Bytes.Length, at = time.GetUtcNow(), image.Bytes },
            cancellationToken: ct));
        return (image.Sha256, null);
    }

    /// <summary>The stored copy of the image at <paramref name="url"/>, or null when none is kept.</summary>
    public async Task<StoredPhoto?> FindAsync(string url, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredPhoto>(new CommandDefinition("""
            SELECT si.sha256, si.content_type, si.width, si.height, si.content FROM image_hashes h
            JOIN stored_images si ON si.sha256 = h.image_sha256 WHERE h.url = @url
            """, new { url }, cancellationToken: ct));
    }
}

/// <summary>A kept ad photo: the re-encoded bytes (<see cref="Content"/>), their SHA-256, type and size.</summary>
public sealed record StoredPhoto
{
    public required string Sha256 { get; init; }
    public required string ContentType { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public required byte[] Content { get; init; }
}
