namespace AdWatch.Extraction;

/// <summary>
/// The word-level half of <see cref="PhoneTextNormalizer"/>: finds tokens that are digits, digits mixed with
/// look-alike letters (O6, I2), or spelled-out digits, and decides which spelled words sit in a run long enough
/// to be a phone number.
/// </summary>
internal static class PhoneTokens
{
    /// <summary>Digits a run needs before spelled-out words in it are read as digits.</summary>
    private const int MinDigitsForWordRun = 8;

    private static bool IsLookAlike(char c) => c is 'O' or 'o' or 'I' or 'l' or 'S';

    internal static char LookAlikeDigit(char c) => c switch
    {
        'O' or 'o' => '0',
        'I' or 'l' => '1',
        'S' => '5',
        _ => c,
    };

    public static List<Token> Tokenize(string chars)
    {
        var tokens = new List<Token>();
        Span<char> word = stackalloc char[6];
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsLetterOrDigit(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            int digits = 0, lookAlikes = 0, others = 0;
            for (; i < chars.Length && char.IsLetterOrDigit(chars[i]); i++)
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
            if (digits > 0 && others > 0 && TrySplitGlued(chars, start, i, tokens))
            {
                continue; // "1five5", "3one0555": figures with number words glued in between
            }
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

            if (token.Digits > 0)
            {
                // Other words matter only as run breakers, which the gap check between tokens already sees.
                tokens.Add(token);
            }
        }

        return tokens;
    }

    /// <summary>
    /// Splits a token of figures and letters into digit and number-word pieces ("1five5" → 1, five, 5) when every letter piece
    /// is a number word; adds the pieces and returns true, or adds nothing and returns false ("3841AB", "24u", "06hallo").
    /// </summary>
    private static bool TrySplitGlued(string chars, int start, int end, List<Token> tokens)
    {
        var pieces = new List<Token>();
        Span<char> word = stackalloc char[6];
        for (var k = start; k < end;)
        {
            var from = k;
            var isDigit = chars[k] is >= '0' and <= '9';
            while (k < end && (chars[k] is >= '0' and <= '9') == isDigit)
            {
                k++;
            }
            if (isDigit)
            {
                pieces.Add(new Token(from, k) { Digits = k - from });
                continue;
            }
            if (k - from > word.Length)
            {
                return false;
            }
            chars.AsSpan(from, k - from).CopyTo(word);
            var digit = NumberWords.DigitOf(word[..(k - from)]);
            if (digit == '\0')
            {
                return false;
            }
            pieces.Add(new Token(from, k) { Spelled = digit, Digits = 1 });
        }
        tokens.AddRange(pieces);
        return true;
    }

    /// <summary>
    /// A Dutch postcode (3841SS) ends in letters that may look like digits; it is never part of a phone number.
    /// Postcodes never use the letters F, I, O, Q, U and Y, and never follow a plus sign.
    /// </summary>
    private static bool IsPostcodeShape(string chars, int start, int end) =>
        end - start == 6 && IsPostcodeLetter(chars[start + 4]) && IsPostcodeLetter(chars[start + 5])
            && chars[start] is >= '1' and <= '9' && chars[start + 3] is >= '0' and <= '9'
            && (start == 0 || chars[start - 1] != '+');

    private static bool IsPostcodeLetter(char c) => c is >= 'A' and <= 'Z' and not ('F' or 'I' or 'O' or 'Q' or 'U' or 'Y');

    /// <summary>Spelled digits count only inside a run of numeric tokens long enough to be a phone number.</summary>
    public static bool MarkWordRuns(string chars, List<Token> tokens)
    {
        var converted = false;
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
                        converted = true;
                    }
                }
            }

            runStart = runEnd;
        }

        return converted;
    }

    private static bool IsGap(string chars, int from, int to)
    {
        if (to - from > PhoneTextNormalizer.MaxGap)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (!PhoneTextNormalizer.IsSeparator(chars[k]))
            {
                return false;
            }
        }

        return true;
    }

    internal readonly record struct Token(int Start, int End)
    {
        public int Digits { get; init; }

        public bool LookAlike { get; init; }

        /// <summary>The digit this token spells, if it is a number word.</summary>
        public char Spelled { get; init; }

        /// <summary>Set when the spelled digit is used: the token sits in a phone-length run.</summary>
        public char Word { get; init; }
    }
}
