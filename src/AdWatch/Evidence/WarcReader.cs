using System.IO.Compression;
using System.Text;

namespace AdWatch.Evidence;

/// <summary>
/// Reads WARC 1.0/1.1 records from <c>.warc</c> or <c>.warc.gz</c> (one gzip member per record or one for the file).
/// A broken record ends reading with a <see cref="FormatException"/> naming the record number and byte offset.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static IEnumerable<WarcRecord> Read(string path, long maxBlockBytes = 100_000_000)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var buffered = new BufferedStream(stream, 65536);
        var number = 0;
        long offset = 0;
        while (true)
        {
            var version = ReadLine(buffered, ref offset);
            while (version is "")
            {
                version = ReadLine(buffered, ref offset); // tolerate extra blank lines between records
            }
            if (version is null)
            {
                yield break;
            }
            number++;
            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                throw new FormatException($"WARC record {number} at byte {offset}: expected 'WARC/1.x', found '{Truncate(version)}'.");
            }
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? line;
            var headerBytes = 0;
            while (!string.IsNullOrEmpty(line = ReadLine(buffered, ref offset)))
            {
                headerBytes += line.Length;
                if (headerBytes > MaxHeaderBytes)
                {
                    throw new FormatException($"WARC record {number}: header larger than {MaxHeaderBytes} bytes.");
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }
            if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, out var length) || length < 0 || length > maxBlockBytes)
            {
                throw new FormatException($"WARC record {number}: missing or invalid Content-Length '{lengthText}'.");
            }
            var block = new byte[length];
            buffered.ReadExactly(block);
            offset += length;
            yield return new WarcRecord(headers, block);
        }
    }

    /// <summary>Reads one CRLF- or LF-terminated ASCII/UTF-8 line; null at end of stream.</summary>
    private static string? ReadLine(Stream stream, ref long offset)
    {
        var bytes = new List<byte>();
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            offset++;
            if (b == '\n')
            {
                break;
            }
            if (bytes.Count > MaxHeaderBytes)
            {
                throw new FormatException($"WARC line longer than {MaxHeaderBytes} bytes at byte {offset}.");
            }
            bytes.Add((byte)b);
        }
        if (b < 0 && bytes.Count == 0)
        {
            return null;
        }
        return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
