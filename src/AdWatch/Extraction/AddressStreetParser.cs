using System.Globalization;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// Street + house number (+ addition: <c>12a</c>, <c>12 A</c>, <c>12-2</c>, <c>18A-1</c>) and streets without number
/// after "in de/aan de". Rejects quantities ("snelweg 5 min"), phone-like digit runs and article words taken from
/// the sentence ("in de Stationsstraat" is the Stationsstraat).
/// </summary>
internal static class AddressStreetParser
{
    private static readonly TextInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").TextInfo;

    /// <summary>A street found in the text; <see cref="Number"/> is null for a street without house number.</summary>
    internal sealed record Hit(int Start, int End, string Street, string? Number, string? Addition);

    public static List<Hit> Find(AddressText text)
    {
        var hits = new List<Hit>();
        var folded = text.Folded;
        foreach (var match in AddressPatterns.Street.Matches(folded).Cast<System.Text.RegularExpressions.Match>())
        {
            var streetGroup = match.Groups["street"];
            var nr = match.Groups["nr"];
            var end = nr.Index + nr.Length;
            if (end < folded.Length && char.IsDigit(folded[end]))
            {
                continue; // six or more digits: a phone number or an id, not a house number
            }
            var (addition, afterAddition) = Addition(folded, end);
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
        return hits;
    }

    /// <summary>
    /// Capitalised single-word street names without number outside <paramref name="streets"/>: candidates the extractor
    /// keeps only when a place follows them.
    /// </summary>
    public static List<Hit> FindCandidates(AddressText text, List<Hit> streets)
    {
        var candidates = new List<Hit>();
        foreach (var match in AddressPatterns.StreetWord.EnumerateMatches(text.Folded))
        {
            var (index, end) = (match.Index, match.Index + match.Length);
            if (!char.IsUpper(text.Original[index]) || streets.Exists(h => index < h.End && end > h.Start)
                || AddressPatterns.NotStreets.Contains(text.Folded[index..end]))
            {
                continue;
            }
            var (start, street) = StreetName(text, index, end);
            candidates.Add(new Hit(start, end, street!, null, null));
        }
        return candidates;
    }

    private static (string? Addition, int End) Addition(string folded, int end)
    {
        var i = end;
        string? addition = null;
        // "12a" / "12 a" / "12-a": one or two letters that are not the start of a word
        var j = i < folded.Length && folded[i] is ' ' or '-' ? i + 1 : i;
        var letters = 0;
        while (j + letters < folded.Length && folded[j + letters] is >= 'a' and <= 'z')
        {
            letters++;
        }
        var letterEnd = j + letters;
        if (letters is 1 or 2 && (letterEnd == folded.Length || !char.IsLetterOrDigit(folded[letterEnd]))
            && !(j > i && letters == 2) && !(j > i && folded[j] is 'e' or 'u' or 'x' or 'm' or 'h' or 'p'))
        {
            addition = folded[j..letterEnd].ToUpperInvariant();
            i = letterEnd;
        }
        // "-2" / "-1" after the number or letter: a floor or unit number ("18A-1")
        if (i + 1 < folded.Length && folded[i] == '-' && char.IsDigit(folded[i + 1]))
        {
            var k = i + 1;
            while (k < folded.Length && k - i <= 4 && char.IsDigit(folded[k]))
            {
                k++;
            }
            if (k - i <= 4 && (k == folded.Length || !char.IsLetterOrDigit(folded[k])))
            {
                addition = (addition ?? "") + folded[i..k];
                i = k;
            }
        }
        return (addition, i);
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
        var name = string.Join(' ', words[skip..]);
        if (name.All(c => !char.IsLetter(c) || char.IsLower(c)) || name.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            var sb = new StringBuilder();
            foreach (var word in name.Split(' '))
            {
                sb.Append(sb.Length > 0 ? " " : "").Append(word is "van" or "de" or "der" or "den" or "het" or "ter" or "ten" && sb.Length > 0
                    ? word.ToLowerInvariant()
                    : Dutch.ToTitleCase(word.ToLowerInvariant()));
            }
            name = sb.ToString();
        }
        return (start, name);
    }
}
