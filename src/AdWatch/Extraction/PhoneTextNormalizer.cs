using System.Globalization;
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
    /// <summary>Digits a run needs before spelled-out words in it are read as digits.</summary>
    private const int MinDigitsForWordRun = 8;

    /// <summary>Longest gap of separators allowed between two parts of one number.</summary>
    internal const int MaxGap = 4;

    public static NormalizedText Normalize(string original)
    {
        var (chars, starts, ends) = MapCharacters(original);
        var tokens = Tokenize(chars);
        MarkWordRuns(chars, tokens);

        var text = new StringBuilder(chars.Count);
        var outStarts = new List<int>(chars.Count);
        var outEnds = new List<int>(chars.Count);
        var t = 0;
        for (var i = 0; i < chars.Count; i++)
        {
            while (t < tokens.Count && tokens[t].End <= i)
            {
                t++;
            }

            if (t < tokens.Count && tokens[t].Start == i && tokens[t].Word != '\0')
            {
                var token = tokens[t];
                text.Append(token.Word);
                outStarts.Add(starts[token.Start]);
                outEnds.Add(ends[token.End - 1]);
                i = token.End - 1;
                continue;
            }

            var c = chars[i];
            if (t < tokens.Count && tokens[t].Start <= i && tokens[t].LookAlike)
            {
                c = LookAlikeDigit(c);
            }

            text.Append(c);
            outStarts.Add(starts[i]);
            outEnds.Add(ends[i]);
        }

        return new NormalizedText(original, text.ToString(), [.. outStarts], [.. outEnds]);
    }

    internal static bool IsSeparator(char c) => c is ' ' or '\t' or '\n' or '-' or '.' or '/' or '*' or '_' or '(' or ')' or '~' or ',';

    private static (List<char> Chars, List<int> Starts, List<int> Ends) MapCharacters(string s)
    {
        var chars = new List<char>(s.Length);
        var starts = new List<int>(s.Length);
        var ends = new List<int>(s.Length);
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

            chars.Add(mapped);
            starts.Add(i);
            ends.Add(i + width);
            i += width - 1;
        }

        return (chars, starts, ends);
    }

    /// <summary>Zero-width and formatting characters, variation selectors and the combining keycap (1️⃣ = 1 FE0F 20E3).</summary>
    private static bool IsInvisible(char c) =>
        c is '\u00AD' or '\u034F' or '\u061C' or '\u180E' or (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E')
            or (>= '\u2060' and <= '\u2064') or '\uFEFF' or (>= '\uFE00' and <= '\uFE0F') or '\u20E3';

    private static bool IsLookAlike(char c) => c is 'O' or 'o' or 'I' or 'l' or 'S';

    private static char LookAlikeDigit(char c) => c switch
    {
        'O' or 'o' => '0',
        'I' or 'l' => '1',
        'S' => '5',
        _ => c,
    };

    private static List<Token> Tokenize(List<char> chars)
    {
        var tokens = new List<Token>();
        Span<char> word = stackalloc char[6];
        var i = 0;
        while (i < chars.Count)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            int digits = 0, lookAlikes = 0, others = 0;
            for (; i < chars.Count && char.IsLetterOrDigit(chars[i]); i++)
            {
                var c = chars[i];
                if (c is >= '0' and <= '9')
                {
                    digits++;
                }
                else if (IsLookAlike(c))
                {
                    lookAlikes++;
                }
                else
                {
                    others++;
                }
            }

            var token = new Token(start, i);
            if (others == 0 && digits > 0 && lookAlikes > 0 && !IsPostcodeShape(chars, start, i))
            {
                token = token with { LookAlike = true, Digits = digits + lookAlikes };
            }
            else if (others == 0 && lookAlikes == 0)
            {
                token = token with { Digits = digits };
            }
            else if (digits == 0 && i - start <= 6)
            {
                for (var k = start; k < i; k++)
                {
                    word[k - start] = chars[k];
                }

                var digit = NumberWords.DigitOf(word[..(i - start)]);
                token = digit == '\0' ? token : token with { Spelled = digit, Digits = 1 };
            }

            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>
    /// A Dutch postcode (3841SS) ends in letters that may look like digits; it is never part of a phone number.
    /// Postcodes never use the letters F, I, O, Q, U and Y, and never follow a plus sign.
    /// </summary>
    private static bool IsPostcodeShape(List<char> chars, int start, int end) =>
        end - start == 6 && IsPostcodeLetter(chars[start + 4]) && IsPostcodeLetter(chars[start + 5])
            && chars[start] is >= '1' and <= '9' && chars[start + 3] is >= '0' and <= '9'
            && (start == 0 || chars[start - 1] != '+');

    private static bool IsPostcodeLetter(char c) => c is >= 'A' and <= 'Z' and not ('F' or 'I' or 'O' or 'Q' or 'U' or 'Y');

    /// <summary>Spelled digits count only inside a run of numeric tokens long enough to be a phone number.</summary>
    private static void MarkWordRuns(List<char> chars, List<Token> tokens)
    {
        var runStart = 0;
        while (runStart < tokens.Count)
        {
            if (tokens[runStart].Digits == 0)
            {
                runStart++;
                continue;
            }

            var runEnd = runStart + 1;
            var digits = tokens[runStart].Digits;
            var spelled = tokens[runStart].Spelled != '\0';
            while (runEnd < tokens.Count && tokens[runEnd].Digits > 0 && IsGap(chars, tokens[runEnd - 1].End, tokens[runEnd].Start))
            {
                digits += tokens[runEnd].Digits;
                spelled |= tokens[runEnd].Spelled != '\0';
                runEnd++;
            }

            if (spelled && digits >= MinDigitsForWordRun)
            {
                for (var k = runStart; k < runEnd; k++)
                {
                    if (tokens[k].Spelled != '\0')
                    {
                        tokens[k] = tokens[k] with { Word = tokens[k].Spelled };
                    }
                }
            }

            runStart = runEnd;
        }
    }

    private static bool IsGap(List<char> chars, int from, int to)
    {
        if (to - from > MaxGap)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (!IsSeparator(chars[k]))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Token(int Start, int End)
    {
        public int Digits { get; init; }

        public bool LookAlike { get; init; }

        /// <summary>The digit this token spells, if it is a number word.</summary>
        public char Spelled { get; init; }

        /// <summary>Set when the spelled digit is used: the token sits in a phone-length run.</summary>
        public char Word { get; init; }
    }
}
