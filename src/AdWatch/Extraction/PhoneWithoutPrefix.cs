using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// A Dutch mobile number written without its trunk zero ("bel 6 12345678", the 6 standing alone) or with its country code but neither plus nor
/// 00 ("whatsapp 31612345678", as WhatsApp links show it). Figures like that are often something else (an ad code, a
/// reference), so they are read only as a mobile (06 + 8 digits, exactly) and only when a phone word stands next to them on
/// their line: before ("bel", "call", "llámame", "me liga", "whatsapp", …) or just after ("31612345678 sms only").
/// </summary>
internal static partial class PhoneWithoutPrefix
{
    /// <summary>The shorter form's figures ("6" and eight more).</summary>
    public const int MinDigits = 9;

    private const int WordReachBefore = 40;
    private const int WordReachAfter = 24;

    /// <summary>
    /// True when a run starting with the group <paramref name="digits"/> could be such a number at all (no text is read): the
    /// 6 stands alone, as "+31 6 1234 5678" loses its "+31" ("6 12345678", "6-1234 5678"). A nine-figure "612 345 678" or
    /// "612345678" is how a Spanish mobile is written, so it is never read as Dutch.
    /// </summary>
    public static bool MayStart(string digits) => digits == "6" || digits.StartsWith("31", StringComparison.Ordinal);

    /// <summary>A phone word on the line of original[start..end), within reach before or after it.</summary>
    public static bool HasPhoneWord(string original, int start, int end)
    {
        var from = Math.Max(PhoneCountryCue.LineStart(original, start), start - WordReachBefore);
        if (PhoneWord().IsMatch(original.AsSpan(from, start - from)))
        {
            return true;
        }
        var lineEnd = original.IndexOf('\n', end);
        var to = Math.Min(lineEnd < 0 ? original.Length : lineEnd, end + WordReachAfter);
        return to > end && PhoneWord().IsMatch(original.AsSpan(end, to - end));
    }

    /// <summary>The E.164 form of compact <paramref name="digits"/> read as such a mobile, or null.</summary>
    public static string? Mobile(string digits) => digits switch
    {
        { Length: 9 } when digits[0] == '6' => PhoneExtractor.ValidE164("0" + digits),
        { Length: 11 } when digits.StartsWith("316", StringComparison.Ordinal) => PhoneExtractor.ValidE164("+" + digits),
        _ => null,
    };

    /// <summary>The nouns the country cue reads too, and the verbs and channels of getting in touch (nl, en, es, pt, ro, pl).</summary>
    [GeneratedRegex(@"\b(?:" + PhoneCountryCue.PhoneNouns + @"|bel(?:len|t)?|belme|call|ring|app(?:en|je)?|sms|text|ll[aá]ma(?:me|r)?|liga|ligue|contact[oe]?|contato|sun[aă](?:-m[aă])?|zadzwo[nń]|dzwo[nń])\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneWord();
}
