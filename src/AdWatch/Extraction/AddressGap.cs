namespace AdWatch.Extraction;

/// <summary>
/// What may stand between two parts of one address: separators, and with join words "in", "te", "en", "em", "at"
/// ("Dorpsstraat 5 in Putten"). Both directions run in constant time, so joining parts stays linear on hostile text.
/// </summary>
internal static class AddressGap
{
    /// <summary>Farthest two parts of one address may be apart, in characters.</summary>
    public const int MaxLength = 12;

    private const string Separators = " ,.-–—:;()/|&+·•\t\r\n"; // "·" and "•" too, as ads put them between parts

    /// <summary>Where the next part may start after <paramref name="end"/>, or -1 when the gap is too long.</summary>
    public static int Next(AddressText text, int end, bool joinWords = false)
    {
        var folded = text.Folded;
        var i = Skip(folded, end);
        if (joinWords && i < folded.Length)
        {
            var word = i;
            while (word < folded.Length && char.IsLetter(folded[word]))
            {
                word++;
            }
            if (word < folded.Length && Separators.Contains(folded[word]) && folded.AsSpan(i, word - i) is "in" or "te" or "en" or "em" or "at")
            {
                i = Skip(folded, word);
            }
        }
        return i - end <= MaxLength ? i : -1;
    }

    /// <summary>Where the previous part must end for <paramref name="start"/> to follow it, or -1 when the gap is too long.</summary>
    public static int Previous(AddressText text, int start)
    {
        var i = start;
        while (i > 0 && start - i <= MaxLength && Separators.Contains(text.Folded[i - 1]))
        {
            i--;
        }
        return start - i <= MaxLength ? i : -1;
    }

    private static int Skip(string folded, int i)
    {
        var limit = Math.Min(folded.Length, i + MaxLength + 1);
        while (i < limit && Separators.Contains(folded[i]))
        {
            i++;
        }
        return i;
    }
}
