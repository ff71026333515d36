using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace AdWatch.Extraction;

/// <summary>
/// The one normal form of Dutch address parts, used by extraction (how a street is shown), by <c>Place.Key</c> (which writings
/// are one house) and by the licensed-venue match. Abbreviations expand by rule: a title word opening the name
/// ("Burg.", "Burgem.", "Bgm.", "Prof.", "Dr.", "Mr.", "St.") and a shortened ending ("Stationsln" → Stationslaan, "…str" →
/// …straat, "…wg" → …weg, "…pln" → …plein, "…sngl" → …singel, "…kd" → …kade, "…dk" → …dijk, "…plnts" → …plantsoen, "…stg" → …steeg). "Kon." stays as written: it
/// stands for Koning or Koningin, so for identity all three compare equal. House numbers become <c>12</c>, <c>12A</c>,
/// <c>12-II</c>, <c>12-HS</c>, <c>12-BIS</c>, <c>12-1</c> whether written "12 a", "12-II", "12 hs", "12 bis" or "12/1".
/// </summary>
public static class AddressNormalizer
{
    private static readonly TextInfo Dutch = CultureInfo.GetCultureInfo("nl-NL").TextInfo;

    /// <summary>Title words as written (folded, without dot) → (shown as, compared as).</summary>
    private static readonly FrozenDictionary<string, (string Display, string Key)> Titles = new Dictionary<string, (string, string)>
    {
        ["burg"] = ("Burgemeester", "BURG"), ["burgem"] = ("Burgemeester", "BURG"), ["bgm"] = ("Burgemeester", "BURG"),
        ["burgemeester"] = ("Burgemeester", "BURG"),
        ["prof"] = ("Professor", "PROF"), ["professor"] = ("Professor", "PROF"),
        ["dr"] = ("Dokter", "DR"), ["dokter"] = ("Dokter", "DR"),
        ["mr"] = ("Meester", "MR"), ["meester"] = ("Meester", "MR"),
        ["st"] = ("Sint", "ST"), ["sint"] = ("Sint", "ST"),
        ["gen"] = ("Generaal", "GEN"), ["generaal"] = ("Generaal", "GEN"),
        ["ds"] = ("Dominee", "DS"), ["dominee"] = ("Dominee", "DS"),
        ["kon"] = ("Kon.", "KON"), ["koning"] = ("Koning", "KON"), ["koningin"] = ("Koningin", "KON"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Shortened street endings → the ending they stand for. Checked only when no full ending is written.</summary>
    internal static readonly (string Short, string Full)[] Endings =
    [
        ("str", "straat"), ("ln", "laan"), ("wg", "weg"), ("pln", "plein"), ("sngl", "singel"), ("kd", "kade"), ("dk", "dijk"),
        ("plnts", "plantsoen"), ("blvd", "boulevard"), ("bvd", "boulevard"), ("stg", "steeg"),
    ];

    /// <summary>The abbreviated endings as a regex alternation, longest first.</summary>
    internal static string EndingPattern => string.Join('|', Endings.Select(e => e.Short).OrderByDescending(s => s.Length));

    private static readonly string[] FullEndings =
        ["straat", "laan", "weg", "plein", "singel", "kade", "dijk", "plantsoen", "boulevard", "steeg"];

    /// <summary>Additions written as a word after the number: shown after a hyphen.</summary>
    private static readonly FrozenSet<string> WordAdditions = FrozenSet.ToFrozenSet(
        ["BIS", "HS", "I", "II", "III", "IV", "V", "BG", "BOV", "ZW", "RD"], StringComparer.Ordinal);

    /// <summary>A street as shown: title words and shortened endings expanded, words capitalised as in Dutch street names.</summary>
    public static string Street(string street)
    {
        var words = Words(street);
        var sb = new StringBuilder(street.Length + 12);
        for (var i = 0; i < words.Count; i++)
        {
            var (word, folded) = words[i];
            string shown;
            if (i < words.Count - 1 && Titles.TryGetValue(folded, out var title))
            {
                shown = title.Display;
            }
            else if (i == words.Count - 1 && ExpandEnding(folded) is { } expanded)
            {
                var stem = word[..^EndingLength(folded)];
                shown = IsOneCase(stem) ? Dutch.ToTitleCase((stem + expanded).ToLowerInvariant()) : stem + expanded;
            }
            else if (i > 0 && folded is "van" or "de" or "der" or "den" or "het" or "ter" or "ten" or "t" or "op" or "aan")
            {
                shown = folded;
            }
            else
            {
                shown = IsOneCase(word) ? Dutch.ToTitleCase(word.ToLowerInvariant()) : word;
            }
            sb.Append(sb.Length > 0 ? " " : "").Append(shown);
        }
        return sb.ToString();
    }

    /// <summary>
    /// How streets compare: folded, title words to one form ("Burg.", "Burgemeester" → BURG; "Kon.", "Koning", "Koningin" →
    /// KON), endings expanded, upper case without spaces, dots, hyphens or apostrophes.
    /// </summary>
    public static string StreetKey(string? street)
    {
        if (string.IsNullOrWhiteSpace(street))
        {
            return "";
        }
        var words = Words(street);
        var sb = new StringBuilder(street.Length + 8);
        for (var i = 0; i < words.Count; i++)
        {
            var folded = words[i].Folded;
            sb.Append(i < words.Count - 1 && Titles.TryGetValue(folded, out var title) ? title.Key
                : i == words.Count - 1 && ExpandEnding(folded) is { } expanded ? folded[..^EndingLength(folded)] + expanded
                : folded);
        }
        return sb.ToString().ToUpperInvariant();
    }

    /// <summary>
    /// A house number with its addition in one form: <c>12</c>, <c>12A</c> (letters follow directly), <c>12-II</c>, <c>12-HS</c>,
    /// <c>12-BIS</c>, <c>12-1</c> (word or number additions after a hyphen), <c>18A-1</c>. Null when there is no number.
    /// </summary>
    public static string? HouseNumber(string? number, string? addition = null)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var digits = new string([.. number.TakeWhile(char.IsDigit)]);
        if (digits.Length == 0)
        {
            return number.Trim().ToUpperInvariant();
        }
        var rest = number[digits.Length..] + (addition ?? "");
        var parts = rest.Split([' ', '-', '/', '.', '_'], StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(digits.TrimStart('0'));
        foreach (var raw in parts)
        {
            var part = raw.ToUpperInvariant();
            // "12a" keeps its letter attached; a trailing number or a word addition ("bis", "hs", "II") follows a hyphen.
            var split = part.Length > 1 && char.IsLetter(part[0]) && part.Any(char.IsDigit) ? part.IndexOf(part.First(char.IsDigit)) : -1;
            if (split > 0)
            {
                Append(sb, part[..split]);
                Append(sb, part[split..]);
            }
            else
            {
                Append(sb, part);
            }
        }
        return sb.ToString();

        static void Append(StringBuilder sb, string part)
        {
            var attached = part.All(char.IsLetter) && !WordAdditions.Contains(part) && part.Length <= 2 && !sb.ToString().Contains('-');
            sb.Append(attached ? "" : "-").Append(part);
        }
    }

    /// <summary>A Dutch postcode in one form: "3841 ab", "3841-AB" → <c>3841AB</c>; a PC4 stays four digits; else null.</summary>
    public static string? Postcode(string? postcode)
    {
        if (postcode is null)
        {
            return null;
        }
        var compact = string.Concat(postcode.Where(char.IsLetterOrDigit)).ToUpperInvariant();
        return compact.Length switch
        {
            6 when compact[..4].All(char.IsAsciiDigit) && compact[4..].All(char.IsAsciiLetter) && compact[0] != '0' => compact,
            4 when compact.All(char.IsAsciiDigit) && compact[0] != '0' => compact,
            _ => null,
        };
    }

    /// <summary>Whether two house numbers are the same once normalised ("12 a" and "12A", "12/1" and "12-1").</summary>
    public static bool SameHouseNumber(string? a, string? b) =>
        HouseNumber(a) is { } x && HouseNumber(b) is { } y && x == y;

    /// <summary>The full ending a folded last word's shortened ending stands for, or null when it has a full ending or none.</summary>
    internal static string? ExpandEnding(string folded)
    {
        if (FullEndings.Any(folded.EndsWith))
        {
            return null;
        }
        foreach (var (shortForm, full) in Endings.OrderByDescending(e => e.Short.Length))
        {
            if (folded.Length > shortForm.Length + 1 && folded.EndsWith(shortForm, StringComparison.Ordinal))
            {
                return full;
            }
        }
        return null;
    }

    private static int EndingLength(string folded) =>
        Endings.OrderByDescending(e => e.Short.Length).First(e => folded.EndsWith(e.Short, StringComparison.Ordinal)).Short.Length;

    private static bool IsOneCase(string word) =>
        word.All(c => !char.IsLetter(c) || char.IsLower(c)) || word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>Words of a street name, split at spaces and after dots, each with its folded form without dots.</summary>
    private static List<(string Word, string Folded)> Words(string street)
    {
        var words = new List<(string, string)>();
        foreach (var piece in street.Replace(".", ". ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = piece.TrimEnd('.');
            if (word.Length == 0)
            {
                continue;
            }
            words.Add((word, AddressText.Fold(word).Replace("'", "", StringComparison.Ordinal).Replace("’", "", StringComparison.Ordinal)
                .Replace("-", "", StringComparison.Ordinal)));
        }
        return words;
    }
}
