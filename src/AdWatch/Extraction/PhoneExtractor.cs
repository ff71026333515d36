using System.Text;
using System.Text.RegularExpressions;
using PhoneNumbers;

namespace AdWatch.Extraction;

/// <summary>
/// Finds phone numbers in ad text, obfuscated or not, and returns them as E.164, deduplicated, in order of first
/// appearance. Text is normalised (<see cref="PhoneTextNormalizer"/>), traps such as opening hours and prices are
/// masked, and every candidate run of digit groups is checked by libphonenumber with <c>Leniency.VALID</c> and
/// default region NL, trying the longest window of groups first so two numbers in one run are both found.
/// Stateless and thread-safe.
/// </summary>
public sealed partial class PhoneExtractor
{
    private const string DefaultRegion = "NL";
    private const int MinDigits = 8;
    private const int MaxDigits = 17; // 00 + country code + 15-digit E.164 number

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>Phones in <paramref name="text"/> and in <paramref name="links"/> (tel:, wa.me and WhatsApp API hrefs).</summary>
    public IReadOnlyList<ExtractedPhone> Extract(string text, IEnumerable<string>? links = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<ExtractedPhone>();
        var normalized = FindInText(text, found);
        foreach (Match m in WhatsAppInText().Matches(normalized))
        {
            AddWhatsApp(m.Value, m.Groups["n"].Value, found);
        }

        foreach (var link in links ?? [])
        {
            AddLink(link, found);
        }

        return Deduplicate(found);
    }

    /// <summary>Adds the phones in <paramref name="text"/>; returns the normalised text for further matching.</summary>
    private static string FindInText(string text, List<ExtractedPhone> found)
    {
        var normalized = PhoneTextNormalizer.Normalize(text);
        var masked = PhoneTrapMask.Apply(normalized.Text);
        var runs = new List<List<DigitGroup>>();
        PhoneRunScanner.Scan(masked, runs);
        var mayCue = runs.Count > 0 && PhoneCountryCue.MayHaveCue(text);
        foreach (var run in runs)
        {
            MatchWindows(run, normalized, mayCue, found);
        }

        return normalized.Text;
    }

    /// <summary>
    /// Tries windows of the run's groups, longest first, from each group that can start a number: one with a plus or a
    /// trunk zero; when the ad names the number's country next to it (<see cref="PhoneCountryCue"/>), any group, read
    /// in that country first; and a Dutch mobile without its prefix next to a phone word (<see cref="PhoneWithoutPrefix"/>).
    /// </summary>
    private static void MatchWindows(List<DigitGroup> run, NormalizedText normalized, bool mayCue, List<ExtractedPhone> found)
    {
        var window = new StringBuilder(24);
        var i = 0;
        while (i < run.Count)
        {
            var first = run[i];
            var cueable = mayCue && !first.IsInternational;
            var prefixed = first.Plus || first.Digits.StartsWith('0');
            var mayBeBare = !prefixed && PhoneWithoutPrefix.MayStart(first.Digits);
            if (!prefixed && !cueable && !mayBeBare)
            {
                i++;
                continue; // most groups: nothing to look at, not even the window
            }

            var last = LongestWindowEnd(run, i);
            var bare = mayBeBare && DigitCount(run, i, last) >= PhoneWithoutPrefix.MinDigits
                && PhoneWithoutPrefix.HasPhoneWord(normalized.Original, normalized.OriginalStart(first.Start), normalized.OriginalEnd(run[last].End - 1));
            if (!prefixed && !cueable && !bare)
            {
                i++;
                continue;
            }

            // A flag after the number sits after the run; one look per start, not per window.
            var region = cueable
                ? PhoneCountryCue.Find(normalized.Original, normalized.OriginalStart(first.Start), normalized.OriginalEnd(run[last].End - 1))
                : null;
            var matched = -1;
            for (var j = last; j >= i && matched < 0; j--)
            {
                if (DigitCount(run, i, j) < MinDigits)
                {
                    break;
                }

                window.Clear().Append(first.Plus ? "+" : "");
                for (var k = i; k <= j; k++)
                {
                    window.Append(run[k].Digits);
                }

                var candidate = window.ToString();
                var e164 = (region is not null and not DefaultRegion ? ValidE164In(candidate, region) : null)
                    ?? (prefixed ? ValidE164(candidate) : null)
                    ?? (bare ? PhoneWithoutPrefix.Mobile(candidate) : null);
                if (e164 is not null)
                {
                    var raw = normalized.OriginalSpan(first.Start, run[j].End - 1);
                    found.Add(new ExtractedPhone(e164, raw.Trim(), IsObfuscated(raw, run, i, j)));
                    matched = j;
                }
            }

            i = matched >= 0 ? matched + 1 : i + 1;
        }
    }

    private static int LongestWindowEnd(List<DigitGroup> run, int i)
    {
        var total = 0;
        var j = i;
        for (; j < run.Count; j++)
        {
            total += run[j].Digits.Length;
            if (total > MaxDigits)
            {
                return j - 1;
            }
        }

        return j - 1;
    }

    private static int DigitCount(List<DigitGroup> run, int i, int j)
    {
        var total = 0;
        for (var k = i; k <= j; k++)
        {
            total += run[k].Digits.Length;
        }

        return total;
    }

    /// <summary>
    /// The E.164 form when libphonenumber accepts the whole candidate with <c>Leniency.VALID</c>, region NL.
    /// Candidates are compact (digits with a leading <c>+</c>, <c>00</c> or trunk <c>0</c>), so VALID reduces to
    /// <c>IsValidNumber</c> plus "national prefix present if required", which the leading <c>0</c> satisfies;
    /// this avoids <c>FindNumbers</c>' matcher set-up, which costs more than the check itself. A test asserts the
    /// two agree. A cheap length test against libphonenumber's metadata skips most impossible windows first.
    /// </summary>
    internal static string? ValidE164(string candidate)
    {
        if (!PossibleLengths.IsPossible(candidate))
        {
            return null;
        }

        try
        {
            var number = Util.Parse(candidate, DefaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The E.164 form when the national-form candidate is a valid number of <paramref name="region"/>.</summary>
    private static string? ValidE164In(string candidate, string region)
    {
        try
        {
            var number = Util.Parse(candidate, region);
            return Util.IsValidNumberForRegion(number, region) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The reference: libphonenumber's own matcher with Leniency.VALID, used by tests to check <see cref="ValidE164"/>.</summary>
    internal static string? ValidE164ByMatcher(string candidate)
    {
        foreach (var match in Util.FindNumbers(candidate, DefaultRegion, PhoneNumberUtil.Leniency.VALID, long.MaxValue))
        {
            if (match.Start == 0 && match.Length == candidate.Length)
            {
                return Util.Format(match.Number, PhoneNumberFormat.E164);
            }
        }

        return null;
    }

    /// <summary>
    /// Written to dodge filters: anything beyond digits and the usual separators (letters, words, Unicode digits,
    /// stars, underscores, invisible characters, a line break), or digits spaced out one by one.
    /// </summary>
    private static bool IsObfuscated(string raw, List<DigitGroup> run, int i, int j)
    {
        foreach (var c in raw)
        {
            if (c is not ((>= '0' and <= '9') or '+' or '-' or '.' or '(' or ')' or '/' or ' ' or '\u00A0' or '\t'))
            {
                return true;
            }
        }

        var singles = 0;
        for (var k = i; k <= j; k++)
        {
            singles += run[k].Digits.Length == 1 ? 1 : 0;
        }

        return singles >= 3;
    }

    private static void AddLink(string link, List<ExtractedPhone> found)
    {
        var trimmed = Uri.UnescapeDataString(link.Trim());
        var wa = WhatsAppInText().Match(PhoneTextNormalizer.Normalize(trimmed).Text);
        if (wa.Success)
        {
            AddWhatsApp(link.Trim(), wa.Groups["n"].Value, found);
            return;
        }

        var scheme = TelScheme().Match(trimmed);
        if (scheme.Success)
        {
            var before = found.Count;
            FindInText(trimmed[scheme.Length..], found);
            for (var k = before; k < found.Count; k++)
            {
                found[k] = found[k] with { Raw = link.Trim() };
            }
        }
    }

    private static void AddWhatsApp(string raw, string digits, List<ExtractedPhone> found)
    {
        var e164 = ValidE164(digits.StartsWith('+') ? digits : "+" + digits);
        if (e164 is not null)
        {
            found.Add(new ExtractedPhone(e164, raw, false));
        }
    }

    /// <summary>One entry per number; if any occurrence was obfuscated the entry is, and shows that occurrence.</summary>
    private static List<ExtractedPhone> Deduplicate(List<ExtractedPhone> found)
    {
        var result = new List<ExtractedPhone>(found.Count);
        foreach (var phone in found)
        {
            var at = result.FindIndex(p => p.E164 == phone.E164);
            if (at < 0)
            {
                result.Add(phone);
            }
            else if (phone.Obfuscated && !result[at].Obfuscated)
            {
                result[at] = phone;
            }
        }

        return result;
    }

    [GeneratedRegex(@"(?:wa\.me/|api\.whatsapp\.com/send/?\?phone=|whatsapp://send/?\?phone=)(?<n>\+?\d{7,15})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatsAppInText();

    [GeneratedRegex(@"^(?:tel|callto|sms|facetime):/*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TelScheme();
}
