using System.Text;
using System.Text.RegularExpressions;

namespace AdWatch.Html;

/// <summary>
/// Bytes to text the way a browser picks the charset: a byte-order mark first, then the Content-Type charset, then a
/// <c>&lt;meta charset&gt;</c> in the first 1024 bytes, else UTF-8. Unknown charset names fall through to the next rule.
/// </summary>
public static partial class HtmlDecoder
{
    private const int MetaPrescanBytes = 1024;

    static HtmlDecoder()
    {
        // windows-1252 and the other legacy code pages old sites still send are not built into .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(byte[] body, string? contentType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var encoding = FromBom(body, out var bomLength)
                       ?? Named(CharsetOf(contentType))
                       ?? Named(MetaCharset(body))
                       ?? Encoding.UTF8;
        return encoding.GetString(body, bomLength, body.Length - bomLength);
    }

    private static Encoding? FromBom(byte[] body, out int length)
    {
        (Encoding? encoding, length) = body switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    private static Encoding? Named(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }
        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null; // unknown charset name: the next rule decides
        }
    }

    private static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        var m = Charset().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? MetaCharset(byte[] body)
    {
        var head = Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, MetaPrescanBytes));
        var m = Meta().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"charset\s*=\s*([^;\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Charset();

    [GeneratedRegex(@"<meta\b[^>]*?charset\s*=\s*[""']?([A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Meta();
}
