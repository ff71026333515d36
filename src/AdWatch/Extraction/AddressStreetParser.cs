namespace AdWatch.Extraction;

/// <summary>
/// Street + house number (+ addition: <c>12a</c>, <c>12 A</c>, <c>12-2</c>, <c>18A-1</c>) and streets without number
/// after "in de/aan de". Rejects quantities ("snelweg 5 min"), phone-like digit runs and article words taken from
/// the sentence ("in de Stationsstraat" is the Stationsstraat).
/// </summary>
internal static class AddressStreetParser
{
    /// <summary>A street found in the text; <see cref="Number"/> is null for a street without house number.</summary>
    internal sealed record Hit(int Start, int End, string Street, string? Number, string? Addition);

    /// <summary>
    /// The streets in the text, and the capitalised single-word street names without number outside them: candidates the
    /// extractor keeps only when a place follows them ("Harderwijkerweg, Ermelo").
    /// </summary>
    public static (List<Hit> Streets, List<Hit> Candidates) Find(AddressText text)
    {
        var hits = new List<Hit>();
        var folded = text.Folded;
        var streetWords = new List<(int Index, int End)>();
        foreach (var match in AddressPatterns.Street.Matches(folded).Cast<System.Text.RegularExpressions.Match>())
        {
            var streetGroup = match.Groups["street"];
            var nr = match.Groups["nr"];
            var end = nr.Index + nr.Length;
            if (end < folded.Length && char.IsDigit(folded[end]))
            {
                continue; // six or more digits: a phone number or an id, not a house number
            }
            if (match.Groups["abbr"].Success && !char.IsUpper(text.Original[LastWordStart(folded, streetGroup.Index, match.Groups["abbr"].Index)]))
            {
                continue; // a shortened ending needs a capital: "Stationsln 4", not any word ending in "ln"
            }
            var (addition, afterAddition) = Addition(text, end);
            if (UnitFollows(text, afterAddition))
            {
                continue;
            }
            var (start, street) = StreetName(text, streetGroup.Index, streetGroup.Index + streetGroup.Length);
            if (street is null)
            {
                continue;
            }
            hits.Add(new Hit(start, afterAddition, street, nr.Value, addition));
        }
        foreach (var match in AddressPatterns.StreetWord.EnumerateMatches(folded))
        {
            // The house number before the street, as English (and some Spanish and Portuguese) writers put it:
            // "14 Stationslaan", "12b Vondellaan". Never after figures, a unit, a time or a price, and not when a number follows.
            var (index, streetEnd) = (match.Index, match.Index + match.Length);
            streetWords.Add((index, streetEnd));
            if (NumberBefore(folded, index) is not var (numberStart, number, letter)
                || hits.Exists(h => numberStart < h.End && streetEnd > h.Start) || !char.IsUpper(text.Original[index])
                || AddressPatterns.NotStreets.Contains(folded[index..streetEnd]) || FiguresBefore(folded, numberStart)
                || AddressPatterns.Units.Contains(PreviousWord(folded, numberStart))
                || (streetEnd + 1 < folded.Length && folded[streetEnd] == ' ' && char.IsDigit(folded[streetEnd + 1])))
            {
                continue;
            }
            var (_, street) = StreetName(text, index, streetEnd);
            hits.Add(new Hit(numberStart, streetEnd, street!, number, letter));
        }
        foreach (var match in AddressPatterns.StreetOnly.Matches(folded).Cast<System.Text.RegularExpressions.Match>())
        {
            var group = match.Groups["street"];
            if (hits.Exists(h => group.Index < h.End && group.Index + group.Length > h.Start))
            {
                continue;
            }
            var (start, street) = StreetName(text, group.Index, group.Index + group.Length);
            if (street is not null)
            {
                hits.Add(new Hit(start, group.Index + group.Length, street, null, null));
            }
        }
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var candidates = new List<Hit>();
        foreach (var (index, end) in streetWords)
        {
            if (!char.IsUpper(text.Original[index]) || hits.Exists(h => index < h.End && end > h.Start)
                || AddressPatterns.NotStreets.Contains(folded[index..end]))
            {
                continue;
            }
            var (start, street) = StreetName(text, index, end);
            candidates.Add(new Hit(start, end, street!, null, null));
        }
        return (hits, candidates);
    }

    /// <summary>
    /// A house number named after a postcode ("pc 3841 AB nr 12", "postcode 3882 GR huisnummer 141/1"): the number with its
    /// addition and where it ends, or null.
    /// </summary>
    public static (string Number, string? Addition, int End)? NumberAfter(AddressText text, int position)
    {
        if (position >= text.Folded.Length)
        {
            return null;
        }
        var match = AddressPatterns.NumberLabel.Match(text.Folded, position, Math.Min(32, text.Folded.Length - position));
        if (!match.Success)
        {
            return null;
        }
        var nr = match.Groups["nr"];
        var end = nr.Index + nr.Length;
        if (end < text.Folded.Length && char.IsDigit(text.Folded[end]))
        {
            return null;
        }
        var (addition, afterAddition) = Addition(text, end);
        return UnitFollows(text, afterAddition) ? null : (nr.Value, addition, afterAddition);
    }

    /// <summary>
    /// The addition after a house number, as written: letters ("12a", "12 A", "12-b"), a word ("12 bis", "12 hs", "155 II",
    /// "148-II") and a floor or unit number ("12-2", "159/3", "18A-1"). <see cref="AddressNormalizer.HouseNumber"/> gives it its
    /// one form.
    /// </summary>
    private static (string? Addition, int End) Addition(AddressText text, int end)
    {
        var folded = text.Folded;
        var i = end;
        string? addition = null;
        var separated = i < folded.Length && folded[i] is ' ' or '-';
        var j = separated ? i + 1 : i;
        var letters = 0;
        while (j + letters < folded.Length && folded[j + letters] is >= 'a' and <= 'z')
        {
            letters++;
        }
        var letterEnd = j + letters;
        var wordEnds = letters > 0 && (letterEnd == folded.Length || !char.IsLetterOrDigit(folded[letterEnd]));
        var word = folded[j..letterEnd];
        var hyphen = separated && folded[i] == '-';
        if (wordEnds && (word is "bis" or "hs"
                || (word is "i" or "ii" or "iii" or "iv" && (!separated || hyphen || text.Original.AsSpan(j, letters).IndexOfAnyInRange('a', 'z') < 0))
                || (letters is 1 or 2 && !(separated && letters == 2 && !hyphen) && !(separated && !hyphen && folded[j] is 'e' or 'u' or 'x' or 'm' or 'h' or 'p'))))
        {
            addition = word.ToUpperInvariant();
            i = letterEnd;
        }
        // "-2", "/3" after the number or letter: a floor or unit number ("18A-1", "159/3"); never a date or "24/7"
        if (i + 1 < folded.Length && folded[i] is '-' or '/' && char.IsDigit(folded[i + 1]))
        {
            var k = i + 1;
            while (k < folded.Length && k - i <= 4 && char.IsDigit(folded[k]))
            {
                k++;
            }
            var date = folded[i] == '/' && (k < folded.Length && folded[k] is '/' or '-' || folded.AsSpan(end - Math.Min(2, end), Math.Min(2, end)).SequenceEqual("24"));
            if (k - i <= 4 && (k == folded.Length || !char.IsLetterOrDigit(folded[k])) && !date)
            {
                addition = (addition ?? "") + "-" + folded[(i + 1)..k];
                i = k;
            }
        }
        return (addition, i);
    }

    /// <summary>"14 " or "12b, " right before <paramref name="index"/>: where the number starts, the number and its letter.</summary>
    private static (int Start, string Number, string? Letter)? NumberBefore(string folded, int index)
    {
        var k = index - 1;
        if (k < 1 || folded[k] != ' ')
        {
            return null;
        }
        k -= folded[k - 1] == ',' ? 2 : 1;
        string? letter = null;
        if (k >= 1 && folded[k] is >= 'a' and <= 'z' && char.IsDigit(folded[k - 1]))
        {
            letter = folded[k].ToString().ToUpperInvariant();
            k--;
        }
        var end = k + 1;
        while (k >= 0 && end - k <= 5 && char.IsDigit(folded[k]))
        {
            k--;
        }
        var start = k + 1;
        if (start == end || folded[start] == '0' || (k >= 0 && char.IsLetterOrDigit(folded[k])))
        {
            return null;
        }
        return (start, folded[start..end], letter);
    }

    /// <summary>Figures, a colon or a currency sign just before <paramref name="index"/>: "06 12 Stationslaan", "10:30", "€ 50".</summary>
    private static bool FiguresBefore(string folded, int index)
    {
        var k = index - 1;
        if (k >= 0 && folded[k] is ':' or '€' or '$' or '/' or '+')
        {
            return true;
        }
        while (k >= 0 && index - k <= 2 && folded[k] is ' ' or '-' or '.' or ',')
        {
            k--;
        }
        return k >= 0 && k < index - 1 && (char.IsDigit(folded[k]) || folded[k] is '€' or '$');
    }

    private static int LastWordStart(string folded, int start, int position)
    {
        while (position > start && folded[position - 1] is not (' ' or '.' or '-'))
        {
            position--;
        }
        return position;
    }

    private static bool UnitFollows(AddressText text, int position)
    {
        var i = position;
        while (i < text.Folded.Length && text.Folded[i] is ' ' or '\t')
        {
            i++;
        }
        var start = i;
        while (i < text.Folded.Length && char.IsLetter(text.Folded[i]))
        {
            i++;
        }
        return (i > start && AddressPatterns.Units.Contains(text.Folded[start..i]))
            || (start < text.Folded.Length && text.Folded[start] is '%' or '€' or '/' or ':' or '$');
    }

    private static string PreviousWord(string folded, int position)
    {
        var end = position;
        while (end > 0 && !char.IsLetterOrDigit(folded[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && char.IsLetterOrDigit(folded[start - 1]))
        {
            start--;
        }
        return folded[start..end];
    }

    /// <summary>Drops a leading sentence article, rejects non-streets, and gives the name display casing.</summary>
    private static (int Start, string? Street) StreetName(AddressText text, int start, int end)
    {
        var words = text.Original[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var folded = text.Folded[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var skip = 0;
        var afterPreposition = PreviousWord(text.Folded, start) is "in" or "aan" or "op" or "bij" or "naar" or "via" or "uit" or "langs";
        while (skip < words.Length - 1 && folded[skip] is "de" or "het" or "t" or "den" && char.IsLower(words[skip][0])
               && (char.IsUpper(words[skip + 1][0]) || afterPreposition))
        {
            start += words[skip].Length + 1;
            skip++;
        }
        if (AddressPatterns.NotStreets.Contains(folded[^1]))
        {
            return (start, null);
        }
        return (start, AddressNormalizer.Street(string.Join(' ', words[skip..])));
    }
}
