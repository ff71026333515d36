using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// The country an ad says a number belongs to, when it writes a foreign number in national form: a flag emoji right before
/// or after the number ("🇨🇴 300 123 4567"), or a country word together with a phone word in the words just before it
/// ("número colombiano: 300…", "Colombian number", "mijn Colombiaanse nummer", "whatsapp Venezuela: 0412…"). A country
/// word without a phone word ("colombiana, 25 jaar") says who she is, not where her number is from: it is no cue.
/// </summary>
internal static partial class PhoneCountryCue
{
    /// <summary>How far before a number (on its line) a country word and a phone word are looked for.</summary>
    private const int WordReach = 40;

    /// <summary>How far a flag may sit from the number: before it (after "WhatsApp", a colon) or right after it.</summary>
    private const int FlagReachBefore = 16;
    private const int FlagReachAfter = 4;

    /// <summary>Country words as ads write them (stems: nl, en, es, pt, ro; accents folded) and the region they name.</summary>
    private static readonly (string Stem, string Region)[] Countries =
    [
        ("colombia", "CO"), ("venezola", "VE"), ("venezuela", "VE"), ("espan", "ES"), ("spain", "ES"), ("spanish", "ES"),
        ("spaans", "ES"), ("spanje", "ES"), ("brasil", "BR"), ("brazil", "BR"), ("romania", "RO"), ("romanesc", "RO"),
        ("roemeen", "RO"), ("roemenie", "RO"), ("rumano", "RO"), ("rumania", "RO"), ("romeno", "RO"), ("dominica", "DO"),
        ("peru", "PE"), ("mexic", "MX"), ("mejic", "MX"), ("argentin", "AR"), ("ecuator", "EC"), ("ecuador", "EC"),
        ("cuban", "CU"), ("paragua", "PY"), ("bolivia", "BO"), ("chilen", "CL"), ("portugu", "PT"), ("portugal", "PT"),
        ("polsk", "PL"), ("pools", "PL"), ("polish", "PL"), ("bulgar", "BG"), ("hungar", "HU"), ("hongaar", "HU"),
        ("ukrain", "UA"), ("oekrain", "UA"), ("thai", "TH"), ("duits", "DE"), ("german", "DE"), ("aleman", "DE"),
        ("belgi", "BE"), ("belga", "BE"), ("frans", "FR"), ("french", "FR"), ("france", "FR"), ("frances", "FR"),
        ("italia", "IT"), ("italian", "IT"), ("nigeria", "NG"), ("ghana", "GH"), ("moldov", "MD"), ("russia", "RU"),
    ];

    /// <summary>
    /// Words for a phone or its number (nl, en, es, pt, ro), read by this cue and by <see cref="PhoneWithoutPrefix"/>. The cue
    /// also takes "nr", which beside a country word names a phone; the other adds the verbs of calling.
    /// </summary>
    internal const string PhoneNouns =
        @"n[uú]mero|number|nummer|num[aă]r(?:ul)?|tel(?:efoon|efono|éfono|efone)?|phone|whats ?app|whats|wapp|wa|zap|celular|cel|m[oó]vil|mobiel|mobile";

    [GeneratedRegex(@"\b(?:" + PhoneNouns + @"|nr)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();

    /// <summary>Where the line holding <paramref name="position"/> starts: the text a cue for a number there may come from.</summary>
    internal static int LineStart(string text, int position) => position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;

    /// <summary>
    /// True when the text has anything that could be a cue: a flag, or a phone word and a country word. Most ads have none,
    /// and then no number is looked at twice.
    /// </summary>
    public static bool MayHaveCue(string original)
    {
        if (original.Contains('\uD83C', StringComparison.Ordinal))
        {
            return true;
        }
        if (!PhoneWord().IsMatch(original))
        {
            return false;
        }
        var folded = Fold(original);
        foreach (var (stem, _) in Countries)
        {
            if (FindWordStart(folded, stem) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The region the ad names for the number at original[start..end), or null.</summary>
    public static string? Find(string original, int start, int end)
    {
        var lineStart = LineStart(original, start);
        var flag = FlagBefore(original, Math.Max(lineStart, start - FlagReachBefore), start) ?? FlagAfter(original, end);
        if (flag is not null)
        {
            return flag;
        }

        var from = Math.Max(lineStart, start - WordReach);
        var before = original[from..start];
        if (!PhoneWord().IsMatch(before))
        {
            return null;
        }
        var folded = Fold(before);
        string? region = null;
        var at = -1;
        foreach (var (stem, code) in Countries)
        {
            var i = FindWordStart(folded, stem);
            if (i > at)
            {
                (region, at) = (code, i);
            }
        }

        return region;
    }

    /// <summary>The last flag (two regional-indicator symbols) in original[from..to), or null.</summary>
    private static string? FlagBefore(string s, int from, int to)
    {
        for (var i = to - 4; i >= from; i--)
        {
            if (RegionAt(s, i) is { } region)
            {
                return region;
            }
        }

        return null;
    }

    private static string? FlagAfter(string s, int end)
    {
        var limit = Math.Min(s.Length - 4, end + FlagReachAfter);
        for (var i = end; i <= limit; i++)
        {
            if (s[i] == '\n')
            {
                return null;
            }
            if (RegionAt(s, i) is { } region)
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>A regional-indicator pair at <paramref name="i"/> (U+1F1E6..U+1F1FF twice) as its two-letter region.</summary>
    private static string? RegionAt(string s, int i)
    {
        if (i < 0 || i + 3 >= s.Length || !char.IsSurrogatePair(s[i], s[i + 1]) || !char.IsSurrogatePair(s[i + 2], s[i + 3]))
        {
            return null;
        }
        var a = char.ConvertToUtf32(s[i], s[i + 1]) - 0x1F1E6;
        var b = char.ConvertToUtf32(s[i + 2], s[i + 3]) - 0x1F1E6;
        return a is >= 0 and < 26 && b is >= 0 and < 26 ? string.Concat((char)('A' + a), (char)('A' + b)) : null;
    }

    private static int FindWordStart(string folded, string stem)
    {
        for (var i = folded.IndexOf(stem, StringComparison.Ordinal); i >= 0; i = folded.IndexOf(stem, i + 1, StringComparison.Ordinal))
        {
            if (i == 0 || !char.IsLetter(folded[i - 1]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Lower case without accents ("Número Español" → "numero espanol", "românesc" → "romanesc").</summary>
    private static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
