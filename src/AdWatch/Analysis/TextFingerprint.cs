using System.Globalization;
using System.Text;

namespace AdWatch.Analysis;

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
        var tokens = Tokens(cleaned);
        if (tokens.Count < MinTokens)
        {
            return null;
        }
        Span<int> weights = stackalloc int[64];
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            var h = Fnv1a64(tokens[i], tokens[i + 1], tokens[i + 2]);
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

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue; // é and e are one letter for templates copied between languages and keyboards
            }
            if (char.IsLetter(ch))
            {
                current.Append(ch);
            }
            else if (current.Length > 0)
            {
                if (current.Length > 1)
                {
                    tokens.Add(current.ToString());
                }
                current.Clear();
            }
        }
        if (current.Length > 1)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }

    private static ulong Fnv1a64(string a, string b, string c)
    {
        var hash = 14695981039346656037UL;
        foreach (var s in new[] { a, b, c })
        {
            foreach (var ch in s)
            {
                hash = (hash ^ ch) * 1099511628211UL;
            }
            hash = (hash ^ ' ') * 1099511628211UL;
        }
        // FNV's low bits are weak for short inputs; a final avalanche spreads every input bit over all 64.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return hash;
    }
}
