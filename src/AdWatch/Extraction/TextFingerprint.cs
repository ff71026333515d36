using System.Buffers;
using System.Globalization;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// A 64-bit SimHash of ad text with the slots an advertiser fills in removed (digits — so phones, postcodes and house
/// numbers —, the address and place mentions extraction found, and the advertiser's name). Two ads from one template
/// then hash within a few bits of each other even when each carries its own phone, address and name.
/// </summary>
public static class TextFingerprint
{
    private const int MinTokens = 8;

    /// <summary>The SimHash over word 3-shingles, or null when too little text remains to say anything.</summary>
    public static ulong? Compute(string? text, IEnumerable<string> slots)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Length > 20_000)
        {
            text = text[..20_000]; // hostile input: a template is recognisable from its start
        }
        var cleaned = text.ToLowerInvariant();
        foreach (var slot in slots.Where(s => s.Length >= 3).OrderByDescending(s => s.Length))
        {
            cleaned = cleaned.Replace(slot.ToLowerInvariant(), " ", StringComparison.Ordinal);
        }
        // Allocation-free: letters go to one pooled buffer, tokens are (start, length) pairs into it. 100,000 texts are
        // fingerprinted in a full benchmark run, and per-token strings made this the slowest part of it.
        var normalized = Ascii.IsValid(cleaned) ? cleaned : cleaned.Normalize(NormalizationForm.FormD);
        var letters = ArrayPool<char>.Shared.Rent(normalized.Length);
        var tokens = ArrayPool<int>.Shared.Rent(normalized.Length + 2);
        try
        {
            var count = Tokenize(normalized, letters, tokens);
            if (count < MinTokens)
            {
                return null;
            }
            Span<int> weights = stackalloc int[64];
            for (var i = 0; i + 2 < count; i++)
            {
                var h = ShingleHash(letters, tokens, i);
                for (var bit = 0; bit < 64; bit++)
                {
                    weights[bit] += ((h >> bit) & 1) == 1 ? 1 : -1;
                }
            }
            ulong result = 0;
            for (var bit = 0; bit < 64; bit++)
            {
                if (weights[bit] > 0)
                {
                    result |= 1UL << bit;
                }
            }
            return result;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(letters);
            ArrayPool<int>.Shared.Return(tokens);
        }
    }

    /// <summary>
    /// Words of two or more letters; combining marks are dropped (é and e are one letter for templates copied between
    /// languages and keyboards). Writes (start, length) pairs into <paramref name="tokens"/>; returns the token count.
    /// </summary>
    private static int Tokenize(string text, char[] letters, int[] tokens)
    {
        int used = 0, count = 0, start = 0;
        foreach (var ch in text)
        {
            if (ch > 127 && CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetter(ch))
            {
                letters[used++] = ch;
                continue;
            }
            count = Close(tokens, count, start, used);
            used = start = count == 0 ? 0 : tokens[(count - 1) * 2] + tokens[(count - 1) * 2 + 1];
        }
        return Close(tokens, count, start, used);
    }

    /// <summary>Ends the word in letters[start..used]: kept when it has two or more letters.</summary>
    private static int Close(int[] tokens, int count, int start, int used)
    {
        if (used - start < 2)
        {
            return count;
        }
        tokens[count * 2] = start;
        tokens[count * 2 + 1] = used - start;
        return count + 1;
    }

    /// <summary>FNV-1a over "a b c " (tokens i..i+2), then an avalanche: FNV's low bits are weak for short inputs.</summary>
    private static ulong ShingleHash(char[] letters, int[] tokens, int i)
    {
        var hash = 14695981039346656037UL;
        for (var t = i; t < i + 3; t++)
        {
            foreach (var ch in letters.AsSpan(tokens[t * 2], tokens[t * 2 + 1]))
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
            hash = (hash ^ ' ') * 1099511628211UL;
        }
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
