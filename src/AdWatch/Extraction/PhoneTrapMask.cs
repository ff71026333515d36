using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// Blanks out digit runs that look like phone numbers to a matcher but are something else: opening hours
/// (<c>09.00-17.30</c> would otherwise be a 0900 premium number), dates, prices, IBANs, KvK and ad ids, postcodes
/// and body measurements. Masked characters become <c>#</c>, which ends a digit run without shifting offsets.
/// The traps are one alternation so the text is scanned once.
/// </summary>
internal static partial class PhoneTrapMask
{
    public static string Apply(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return text;
        }

        char[]? masked = null;
        foreach (var regex in Traps)
        {
            // Separate passes: each pattern keeps its own fast prefix search, which one big alternation loses.
            foreach (var match in regex.EnumerateMatches(masked is null ? text.AsSpan() : masked))
            {
                masked ??= text.ToCharArray();
                masked.AsSpan(match.Index, match.Length).Fill('#');
            }
        }

        return masked is null ? text : new string(masked);
    }

    // Generated at build time (and precompiled with the assembly), not RegexOptions.Compiled: emitting and JIT-compiling eight
    // large matchers cost the CLI ~0.1 s of every start.
    private static readonly Regex[] Traps =
        [TimeRangeRegex(), TimeWithUnitRegex(), DateWithYearRegex(), PriceRegex(), IbanRegex(), RegisteredNumberRegex(), PostcodeRegex(), MeasurementsRegex()];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(TimeRange, Options)]
    private static partial Regex TimeRangeRegex();

    [GeneratedRegex(TimeWithUnit, Options)]
    private static partial Regex TimeWithUnitRegex();

    [GeneratedRegex(DateWithYear, Options)]
    private static partial Regex DateWithYearRegex();

    [GeneratedRegex(Price, Options)]
    private static partial Regex PriceRegex();

    [GeneratedRegex(Iban, Options)]
    private static partial Regex IbanRegex();

    [GeneratedRegex(RegisteredNumber, Options)]
    private static partial Regex RegisteredNumberRegex();

    [GeneratedRegex(Postcode, Options)]
    private static partial Regex PostcodeRegex();

    [GeneratedRegex(Measurements, Options)]
    private static partial Regex MeasurementsRegex();

    // 09.00-17.30, 10:00 - 02:00, 9.00 tot 23.00, 10h-22h
    private const string TimeRange = @"(?<![\d.:])(?<!\d\s?[./*_-]\s?)(?:[01]?\d|2[0-4])(?:[.:h][0-5]\d|h)\s*(?:-|tot|t/m|to|till|until|a|hasta|até|ate)\s*(?:[01]?\d|2[0-4])(?:[.:h][0-5]\d|h|\b)(?![-./]?\d)";

    // 14.00 uur, 22.30u, 9.30 h, 21:00hrs
    private const string TimeWithUnit = @"(?<![\d.:])(?:[01]?\d|2[0-4])[.:][0-5]\d\s*(?:uur|u|h|hrs|hr|horas|hs)\b";

    // 12-05-2024, 01/02/2025, 3.4.2026, 2026-05-12
    private const string DateWithYear = @"(?<!\d[-./]?)(?:(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)\d\d|(?:19|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))(?![-./]?\d)";

    // €150, € 0,50, 150 euro, 100,-, EUR 80, 50€, R$ 300, $200 — on one line: a price on the next line must not take the
    // last figure of a phone ("… zero - one⏎€ 180,-"), nor a figure spelled out or spaced after a dash ("zero - 1 €").
    private const string Price = @"(?:€|eur\b|euro\b|R\$|\$|usd\b)[ \t\u00A0]*\d[\d.,]*(?:,-)?|(?<!\d\s?[ .*_/-]?\s?)\d{1,5}(?:[.,]\d{1,2})?[ \t\u00A0]*(?:,-|€|euros?\b|eur\b|dollars?\b|reais\b)";

    // NL91 ABNA 0417 1643 00 and other IBANs
    private const string Iban = @"\b[A-Z]{2}\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){6,20}";

    // KvK 12345678, BTW NL0012…B01, advertentie-id 2024051234, ref. 0012345678, ad #123456, anuncio nº 12345
    private const string RegisteredNumber = @"\b(?:kvk|k\.v\.k\.|kamer van koophandel|btw|vat|ad[- ]?id|advertentie(?:[- ]?(?:id|nummer|nr))?|ref(?:erentie|erence)?|anuncio|an[uú]ncio|id|order|factuur|invoice)\b\.?\s*(?:nr\.?|no\.?|n[ºo°]\.?|nummer|number|n[uú]mero)?\s*[:#]?\s*[A-Z]{0,2}\d[\d .-]{3,}\d(?:B\d\d)?";

    // 3841 AB (a phone run would otherwise swallow the four digits)
    private const string Postcode = @"(?<!\d[ .-]?)\b[1-9]\d{3}[ ]?[A-Z]{2}\b";

    // 90-60-90, 1.72 m, 172 cm, 58 kg, 75C, maat 36, 1,68m
    private const string Measurements = @"(?<!\d\s?[-./*_]?\s?)\b\d{2,3}\s*[-/]\s*\d{2}\s*[-/]\s*\d{2,3}\b(?!\s?[-./*_]?\s?\d)|\b\d[.,]\d{2}\s*m\b|\b\d{2,3}\s*(?:cm|kg|kilo|lbs|jaar|years|años|anos|yo|y/o)\b|\b\d{2,3}[A-H]{1,2}\b|\bmaat\s*\d{2}\b";

}
