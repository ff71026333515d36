using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// Just enough PDF text extraction to check what Chromium printed: inflate the Flate streams, read the ToUnicode CMaps
/// (bfchar/bfrange) and decode the hex glyph strings of the page content with each CMap. Whitespace is dropped, since
/// Chromium positions words rather than always drawing spaces. Returns every decoding, concatenated.
/// </summary>
internal static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var streams = Streams(pdf).ToList();
        var maps = streams.Where(s => s.Contains("begincmap", StringComparison.Ordinal)).Select(CMap).Where(m => m.Count > 0).ToList();
        var glyphs = new StringBuilder();
        foreach (var content in streams.Where(s => s.Contains("Tj", StringComparison.Ordinal) || s.Contains("TJ", StringComparison.Ordinal)))
        {
            foreach (Match m in HexString().Matches(content))
            {
                glyphs.Append(m.Groups[1].Value);
            }
        }
        var hex = glyphs.ToString();
        var text = new StringBuilder();
        foreach (var map in maps)
        {
            var width = map.Keys.First().Length;
            for (var i = 0; i + width <= hex.Length; i += width)
            {
                if (map.TryGetValue(hex.Substring(i, width).ToUpperInvariant(), out var s) && !string.IsNullOrWhiteSpace(s))
                {
                    text.Append(s);
                }
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// The text of each text object (<c>BT</c> … <c>ET</c>), decoded with every CMap: Chromium draws each line of a table
    /// cell as its own text object (glyph by glyph with <c>Td</c> when ligatures are off), so a word broken across two lines
    /// is in no single run. Whitespace dropped, as above.
    /// </summary>
    public static IReadOnlyList<string> Runs(byte[] pdf)
    {
        var streams = Streams(pdf).ToList();
        var maps = streams.Where(s => s.Contains("begincmap", StringComparison.Ordinal)).Select(CMap).Where(m => m.Count > 0).ToList();
        var runs = new List<string>();
        foreach (var content in streams.Where(s => s.Contains("Tj", StringComparison.Ordinal) || s.Contains("TJ", StringComparison.Ordinal)))
        {
            foreach (Match op in TextObject().Matches(content))
            {
                var hex = string.Concat(HexString().Matches(op.Value).Select(m => m.Groups[1].Value));
                foreach (var map in maps)
                {
                    var width = map.Keys.First().Length;
                    var run = new StringBuilder();
                    for (var i = 0; i + width <= hex.Length; i += width)
                    {
                        if (map.TryGetValue(hex.Substring(i, width).ToUpperInvariant(), out var s) && !string.IsNullOrWhiteSpace(s))
                        {
                            run.Append(s);
                        }
                    }
                    runs.Add(run.ToString());
                }
            }
        }
        return runs;
    }

    private static IEnumerable<string> Streams(byte[] pdf)
    {
        var latin = Encoding.Latin1.GetString(pdf);
        var at = 0;
        while ((at = latin.IndexOf("stream", at, StringComparison.Ordinal)) >= 0)
        {
            var start = at + "stream".Length;
            if (latin[start] == '\r')
            {
                start++;
            }
            if (latin[start] == '\n')
            {
                start++;
            }
            var end = latin.IndexOf("endstream", start, StringComparison.Ordinal);
            if (end < 0)
            {
                yield break;
            }
            string? text = null;
            try
            {
                using var z = new ZLibStream(new MemoryStream(pdf, start, end - start), CompressionMode.Decompress);
                using var output = new MemoryStream();
                z.CopyTo(output);
                text = Encoding.Latin1.GetString(output.ToArray());
            }
            catch (InvalidDataException)
            {
                // not a Flate stream (an image, a font program): skip
            }
            if (text is not null)
            {
                yield return text;
            }
            at = end + "endstream".Length;
        }
    }

    private static Dictionary<string, string> CMap(string cmap)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
            {
                map[pair.Groups[1].Value.ToUpperInvariant()] = Utf16(pair.Groups[2].Value);
            }
        }
        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                var (from, to) = (Convert.ToInt32(range.Groups[1].Value, 16), Convert.ToInt32(range.Groups[2].Value, 16));
                var first = Convert.ToInt32(range.Groups[3].Value, 16);
                for (var g = from; g <= to && g - from < 65536; g++)
                {
                    map[g.ToString("X" + range.Groups[1].Value.Length, System.Globalization.CultureInfo.InvariantCulture)] = char.ConvertFromUtf32(first + g - from);
                }
            }
        }
        return map;
    }

    private static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*(?:Tj|\]|-?[0-9.]+)")]
    private static partial Regex HexString();

    [GeneratedRegex(@"\bBT\b(.*?)\bET\b", RegexOptions.Singleline)]
    private static partial Regex TextObject();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
