using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace AdWatch.Evidence;

/// <summary>
/// Writes WARC 1.1 records. With <c>.gz</c> each record is its own gzip member (the usual random-access layout).
/// Record ids are derived from type, URI and date, so exporting the same data twice gives the same file.
/// </summary>
public sealed class WarcWriter(Stream output, bool gzip) : IDisposable
{
    public void WriteInfo(string software, DateTimeOffset at) => Write(new()
    {
        ["WARC-Type"] = "warcinfo",
        ["WARC-Date"] = Date(at),
        ["WARC-Record-ID"] = RecordId("warcinfo", software, at),
        ["Content-Type"] = "application/warc-fields",
    }, Encoding.UTF8.GetBytes($"software: {software}\r\nformat: WARC File Format 1.1\r\n"));

    /// <summary>A full response: the stored page bytes behind a reconstructed HTTP header.</summary>
    public string WriteResponse(string url, DateTimeOffset at, int status, string? contentType, byte[] body)
    {
        var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} {(status == 200 ? "OK" : "Status")}\r\nContent-Type: {contentType ?? "text/html"}\r\nContent-Length: {body.Length}\r\n\r\n");
        var id = RecordId("response", url, at);
        Write(new()
        {
            ["WARC-Type"] = "response",
            ["WARC-Record-ID"] = id,
            ["WARC-Date"] = Date(at),
            ["WARC-Target-URI"] = url,
            ["WARC-Payload-Digest"] = Digest(body),
            ["Content-Type"] = "application/http;msgtype=response",
        }, [.. head, .. body]);
        return id;
    }

    /// <summary>An unchanged page seen again: a revisit record pointing at the response that holds the bytes.</summary>
    public void WriteRevisit(string url, DateTimeOffset at, string refersToUrl, DateTimeOffset refersToDate, byte[] payloadForDigest)
    {
        Write(new()
        {
            ["WARC-Type"] = "revisit",
            ["WARC-Record-ID"] = RecordId("revisit", url, at),
            ["WARC-Date"] = Date(at),
            ["WARC-Target-URI"] = url,
            ["WARC-Profile"] = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
            ["WARC-Refers-To-Target-URI"] = refersToUrl,
            ["WARC-Refers-To-Date"] = Date(refersToDate),
            ["WARC-Payload-Digest"] = Digest(payloadForDigest),
            ["Content-Type"] = "application/http;msgtype=response",
        }, "HTTP/1.1 200 OK\r\n\r\n"u8.ToArray());
    }

    private void Write(Dictionary<string, string> headers, byte[] block)
    {
        var text = new StringBuilder("WARC/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        text.Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var record = new MemoryStream();
        record.Write(Encoding.UTF8.GetBytes(text.ToString()));
        record.Write(block);
        record.Write("\r\n\r\n"u8);
        if (gzip)
        {
            using var member = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true);
            record.Position = 0;
            record.CopyTo(member);
        }
        else
        {
            record.Position = 0;
            record.CopyTo(output);
        }
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>sha1 in base32 is what most WARC tools compare; SHA-256 of the bytes is kept in evidence_blobs.</summary>
    private static string Digest(byte[] body) => "sha1:" + Base32(SHA1.HashData(body));

    private static string RecordId(string type, string uri, DateTimeOffset at)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{type}|{uri}|{at.ToUnixTimeMilliseconds()}"));
        return $"<urn:uuid:{new Guid(hash.AsSpan(0, 16))}>";
    }

    private static string Base32(byte[] data)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var result = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                result.Append(alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            result.Append(alphabet[(buffer << (5 - bits)) & 31]);
        }
        return result.ToString();
    }

    public void Dispose() => output.Flush();
}
