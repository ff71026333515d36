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
        Span<char> word = stackalloc char[NumberWords.MaxLength];
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
            else if (others == 0 && digits == 0 && (i - start is >= 2 and <= 4 || (i - start == 1 && chars[start] == 'O'))
                     && IsWholeGroupLookAlike(chars, start, i))
            {
                // "OO" or "ll" filling a whole group of a number, or a capital "O" alone ("O63 643 573 O"): counts only inside
                // a phone-length run, like a word. A lone "o", "I" or "l" is a word ("o" = or, "I"), never a digit.
                var spelled = string.Create(i - start, (chars, start), static (span, s) =>
                {
                    for (var k = 0; k < span.Length; k++)
                    {
                        span[k] = LookAlikeDigit(s.chars[s.start + k]);
                    }
                });
                token = token with { Spelled = spelled, Digits = spelled.Length };
            }
            else if (digits == 0 && i - start <= NumberWords.MaxLength)
            {
                chars.AsSpan(start, i - start).CopyTo(word);
                var spelled = NumberWords.Spell(word[..(i - start)]);
                token = spelled switch
                {
                    null => token,
                    NumberWords.Plus => token with { Plus = true },
                    _ => token with { Spelled = spelled, Digits = spelled.Length },
                };
            }

            if (token.Digits > 0 || token.Plus)
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
        Span<char> word = stackalloc char[NumberWords.MaxLength];
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
            var spelled = NumberWords.Spell(word[..(k - from)]);
            if (spelled is null or NumberWords.Plus)
            {
                return false;
            }
            pieces.Add(new Token(from, k) { Spelled = spelled, Digits = spelled.Length });
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

    /// <summary>
    /// Spelled digits count only inside a run of numeric tokens long enough to be a phone number; a spelled plus counts only
    /// right before such a run that starts with a country code ("más 57 300 …", not "plus 06 …" or "plus 50 euro").
    /// </summary>
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
            var spelled = tokens[runStart].Spelled is not null;
            while (runEnd < tokens.Count && tokens[runEnd].Digits > 0 && IsGap(chars, tokens[runEnd - 1].End, tokens[runEnd].Start))
            {
                digits += tokens[runEnd].Digits;
                spelled |= tokens[runEnd].Spelled is not null;
                runEnd++;
            }

            if (spelled && digits >= MinDigitsForWordRun)
            {
                for (var k = runStart; k < runEnd; k++)
                {
                    if (tokens[k].Spelled is { } digitsSpelled)
                    {
                        tokens[k] = tokens[k] with { Word = digitsSpelled };
                        converted = true;
                    }
                }
            }

            if (digits >= MinDigitsForWordRun && runStart > 0 && tokens[runStart - 1].Plus
                && IsGap(chars, tokens[runStart - 1].End, tokens[runStart].Start) && FirstDigit(chars, tokens[runStart]) is not '0')
            {
                tokens[runStart - 1] = tokens[runStart - 1] with { Word = NumberWords.Plus };
                converted = true;
            }

            runStart = runEnd;
        }

        return converted;
    }

    private static char FirstDigit(string chars, Token token) =>
        token.Spelled is { } spelled ? spelled[0] : token.LookAlike ? LookAlikeDigit(chars[token.Start]) : chars[token.Start];

    /// <summary>A whole group of look-alike letters: zeros written as O or o, ones as l or I ("OO", "lI"); not S.</summary>
    private static bool IsWholeGroupLookAlike(string chars, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (chars[k] is not ('O' or 'o' or 'I' or 'l'))
            {
                return false;
            }
        }

        return true;
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

        /// <summary>The digits this token spells, if it is a number word or a whole group of look-alike letters.</summary>
        public string? Spelled { get; init; }

        /// <summary>A spelled plus sign ("plus", "más", "mais"); it has no digits.</summary>
        public bool Plus { get; init; }

        /// <summary>Set when the spelled value is used (the token sits in a phone-length run): what replaces the token.</summary>
        public string? Word { get; init; }
    }
}
