using System.Globalization;
using System.Buffers;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// Undoes the tricks ads use to hide phone numbers from filters, keeping a map back to the original text:
/// Unicode and keycap digits become ASCII, invisible characters go, Unicode dashes and spaces become plain ones,
/// look-alike letters inside digit runs become digits, and spelled-out digits become figures when they sit in a
/// run long enough to be a phone number (so the Dutch article "een" in a sentence stays a word).
/// </summary>
internal static class PhoneTextNormalizer
{
    /// <summary>Longest gap of separators allowed between two parts of one number.</summary>
    internal const int MaxGap = 4;

    public static NormalizedText Normalize(string original)
    {
        var (chars, starts, ends, changed) = MapCharacters(original);
        var tokens = PhoneTokens.Tokenize(chars);
        var converted = PhoneTokens.MarkWordRuns(chars, tokens);
        foreach (var token in tokens)
        {
            converted |= token.LookAlike;
        }

        if (!changed && !converted)
        {
            // Most ads need no rewriting: skip building a second copy and map.
            return new NormalizedText(original, original, null, null);
        }

        if (!changed)
        {
            // Only words or look-alikes to rewrite: the character map is the identity.
            starts = Enumerable.Range(0, chars.Length).ToArray();
            ends = Enumerable.Range(1, chars.Length).ToArray();
        }

        var text = new StringBuilder(chars.Length);
        var outStarts = new List<int>(chars.Length);
        var outEnds = new List<int>(chars.Length);
        var t = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            while (t < tokens.Count && tokens[t].End <= i)
            {
                t++;
            }

            if (t < tokens.Count && tokens[t].Start == i && tokens[t].Word is not null)
            {
                var token = tokens[t];
                // A word may stand for two digits ("twaalf" → 12): each maps back to the whole word.
                text.Append(token.Word);
                for (var w = 0; w < token.Word!.Length; w++)
                {
                    outStarts.Add(starts[token.Start]);
                    outEnds.Add(ends[token.End - 1]);
                }
                i = token.End - 1;
                continue;
            }

            var c = chars[i];
            if (t < tokens.Count && tokens[t].Start <= i && tokens[t].LookAlike)
            {
                c = PhoneTokens.LookAlikeDigit(c);
            }

            text.Append(c);
            outStarts.Add(starts[i]);
            outEnds.Add(ends[i]);
        }

        return new NormalizedText(original, text.ToString(), [.. outStarts], [.. outEnds]);
    }

    private static readonly SearchValues<char> Plain =
        SearchValues.Create("\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    internal static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '-' or '.' or '/' or '*' or '_' or '(' or ')' or '~' or ',';

    private static (string Chars, int[] Starts, int[] Ends, bool Changed) MapCharacters(string s)
    {
        if (s.AsSpan().IndexOfAnyExcept(Plain) < 0)
        {
            // Printable ASCII and line breaks only (most ads): nothing to map.
            return (s, [], [], false);
        }

        var changed = false;
        var chars = new char[s.Length];
        var starts = new int[s.Length];
        var ends = new int[s.Length];
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var width = 1;
            char mapped;
            if (c is >= '0' and <= '9')
            {
                mapped = c;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                // Mathematical alphanumeric digits (U+1D7CE..) live outside the BMP.
                var value = CharUnicodeInfo.GetDigitValue(s, i);
                width = 2;
                mapped = value is >= 0 and <= 9 ? (char)('0' + value) : '\uFFFC';
            }
            else if (IsInvisible(c))
            {
                continue;
            }
            else if (c == '\r')
            {
                mapped = i + 1 < s.Length && s[i + 1] == '\n' ? '\0' : '\n';
                if (mapped == '\0')
                {
                    continue;
                }
            }
            else if (c == '\n')
            {
                mapped = '\n';
            }
            else if (char.IsWhiteSpace(c))
            {
                mapped = ' ';
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                mapped = (char)(c - 0xFEE0); // full-width ASCII
            }
            else if (c == '\u2212' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
            {
                mapped = '-';
            }
            else if (c > '\u007F' && CharUnicodeInfo.GetDigitValue(c) is >= 0 and <= 9)
            {
                mapped = (char)('0' + CharUnicodeInfo.GetDigitValue(c)); // Arabic-Indic, circled, superscript …
            }
            else
            {
                mapped = c;
            }

            changed |= mapped != c || width != 1;
            chars[count] = mapped;
            starts[count] = i;
            ends[count++] = i + width;
            i += width - 1;
        }

        changed |= count != s.Length;
        return (new string(chars, 0, count), starts, ends, changed);
    }

    /// <summary>Zero-width and formatting characters, variation selectors and the combining keycap (1️⃣ = 1 FE0F 20E3).</summary>
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or '\u180E' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E')
            or (>= '\u2060' and <= '\u2064') or '\uFEFF' or (>= '\uFE00' and <= '\uFE0F') or '\u20E3';

}
