using System.IO.Compression;

namespace AdWatch.Crawling;

/// <summary>Undoes Content-Encoding under a byte cap, so a gzip bomb stops at the cap instead of filling memory.</summary>
internal static class ContentDecoder
{
    public static byte[] Decode(byte[] raw, ICollection<string> encodings, long maxBytes)
    {
        var data = raw;
        foreach (var encoding in encodings.Reverse())
        {
            data = encoding.Trim().ToLowerInvariant() switch
            {
                "gzip" or "x-gzip" => Inflate(new GZipStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes),
                "deflate" => Inflate(new ZLibStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes),
                "br" => Inflate(new BrotliStream(new MemoryStream(data), CompressionMode.Decompress), maxBytes),
                "identity" or "" => data,
                var other => throw new InvalidDataException($"Unsupported Content-Encoding '{other}'."),
            };
        }
        if (data.LongLength > maxBytes)
        {
            throw new BodyTooLargeException(maxBytes);
        }
        return data;
    }

    private static byte[] Inflate(Stream decoder, long maxBytes)
    {
        using (decoder)
        {
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = decoder.Read(buffer)) > 0)
            {
                if (output.Length + read > maxBytes)
                {
                    throw new BodyTooLargeException(maxBytes);
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
    }
}
