using System.Text;
using AdWatch.Crawling;

namespace AdWatch.Evidence;

/// <summary>An HTTP response as stored in a WARC <c>response</c> record: status, headers and the decoded body.</summary>
public sealed record HttpResponseBlock(int Status, string? ContentType, byte[] Body)
{
    /// <summary>Parses <c>HTTP/1.x NNN ...</c> + headers + body; undoes chunking and gzip/deflate/br under the cap.</summary>
    public static HttpResponseBlock Parse(byte[] block, long maxBodyBytes)
    {
        var end = IndexOf(block, "\r\n\r\n"u8);
        var sep = 4;
        if (end < 0)
        {
            end = IndexOf(block, "\n\n"u8);
            sep = 2;
        }
        if (end < 0)
        {
            throw new FormatException("HTTP block without an end of headers.");
        }
        var lines = Encoding.Latin1.GetString(block, 0, end).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var statusParts = lines[0].Split(' ', 3);
        if (statusParts.Length < 2 || !statusParts[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusParts[1], out var status))
        {
            throw new FormatException($"Not an HTTP status line: '{lines[0]}'.");
        }
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = block[(end + sep)..];
        if (headers.TryGetValue("Transfer-Encoding", out var te) && te.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        if (headers.TryGetValue("Content-Encoding", out var ce))
        {
            body = ContentDecoder.Decode(body, ce.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), maxBodyBytes);
        }
        return new HttpResponseBlock(status, headers.GetValueOrDefault("Content-Type"), body);
    }

    private static byte[] Dechunk(byte[] data)
    {
        using var output = new MemoryStream();
        var pos = 0;
        while (pos < data.Length)
        {
            var lineEnd = IndexOf(data.AsSpan(pos), "\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }
            var sizeText = Encoding.ASCII.GetString(data, pos, lineEnd).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, System.Globalization.NumberStyles.HexNumber, null, out var size) || size == 0)
            {
                break;
            }
            pos += lineEnd + 2;
            output.Write(data, pos, Math.Min(size, data.Length - pos));
            pos += size + 2;
        }
        return output.ToArray();
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);
}
