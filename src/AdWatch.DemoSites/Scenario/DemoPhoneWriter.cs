using System.Text;

namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// Writes an E.164 number the way ads do, plain or obfuscated: Dutch numbers ("+31612345678") in national and
/// international forms, foreign numbers ("+573105550148": touring workers keep their home number) in international forms.
/// </summary>
public static class DemoPhoneWriter
{
    private static readonly string[] English = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    private static readonly string[] Dutch = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"];
    private static readonly string[] Spanish = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];

    /// <summary>Returns <paramref name="e164"/> written in <paramref name="style"/>.</summary>
    /// <exception cref="ArgumentException">Not E.164, or a Dutch number that is not "+31" followed by 9 digits.</exception>
    public static string Write(string e164, DemoPhoneStyle style)
    {
        if (!e164.StartsWith("+31", StringComparison.Ordinal))
        {
            return WriteForeign(e164, style);
        }
        if (e164.Length != 12 || !e164.StartsWith("+31", StringComparison.Ordinal) || e164.AsSpan(3).ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException($"'{e164}' is not a Dutch E.164 number like +31612345678.", nameof(e164));
        var national = "0" + e164[3..];      // 0612345678
        var subscriber = national[2..];       // 12345678 for mobiles
        return style switch
        {
            DemoPhoneStyle.Dashed => $"{national[..2]}-{subscriber}",
            DemoPhoneStyle.Pairs => string.Join(' ', Chunks(national, 2)),
            DemoPhoneStyle.International => $"+31 {national[1]} {subscriber}",
            DemoPhoneStyle.DoubleZero => "0031" + national[1..],
            DemoPhoneStyle.MixedWords => $"{national[..2]} - {national[2]}{English[national[3] - '0']}{national[4]} - {national[5..8]} {national[8..]}",
            DemoPhoneStyle.DutchPrefixWords => $"{Dutch[national[0] - '0']} {Dutch[national[1] - '0']} {subscriber}",
            DemoPhoneStyle.SpanishWords => string.Join(' ', national.Select(c => Spanish[c - '0'])),
            DemoPhoneStyle.BoldDigits => $"+31 {Map(national[1..2], 0x1D7CE)} {Map(subscriber, 0x1D7CE)}",
            DemoPhoneStyle.FullWidth => Map(national, 0xFF10),
            DemoPhoneStyle.LookAlikeLetters => $"{LookAlike(national[..2])}-{LookAlike(subscriber)}",
            DemoPhoneStyle.Dotted => string.Join('.', Chunks(national, 2)),
            DemoPhoneStyle.WhatsAppLink => "https://wa.me/" + e164[1..],
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown phone style."),
        };
    }

    private static string WriteForeign(string e164, DemoPhoneStyle style)
    {
        if (e164.Length is < 10 or > 16 || e164[0] != '+' || e164.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
            throw new ArgumentException($"'{e164}' is not an E.164 number like +573105550148.", nameof(e164));
        var country = e164[1..3];             // two-digit country codes are enough for the demo (+55, +57, +58, +51 …)
        var rest = e164[3..];
        var grouped = $"{rest[..3]} {rest[3..]}";
        return style switch
        {
            DemoPhoneStyle.Dashed => $"+{country}-{string.Join('-', Chunks(rest, 3))}",
            DemoPhoneStyle.Pairs => $"+{country} {string.Join(' ', Chunks(rest, 2))}",
            DemoPhoneStyle.International => $"+{country} {grouped}",
            DemoPhoneStyle.DoubleZero => $"00{country}{rest}",
            DemoPhoneStyle.MixedWords => $"+{country} {rest[0]}{English[rest[1] - '0']}{rest[2..]}",
            DemoPhoneStyle.DutchPrefixWords => $"plus {Dutch[country[0] - '0']} {Dutch[country[1] - '0']} {rest}",
            DemoPhoneStyle.SpanishWords => $"+{country} " + string.Join(' ', rest.Select(c => Spanish[c - '0'])),
            DemoPhoneStyle.BoldDigits => $"+{country} {Map(rest, 0x1D7CE)}",
            DemoPhoneStyle.FullWidth => "＋" + Map(country + rest, 0xFF10),
            DemoPhoneStyle.LookAlikeLetters => $"+{country} {LookAlike(grouped)}",
            DemoPhoneStyle.Dotted => $"+{country}.{string.Join('.', Chunks(rest, 3))}",
            DemoPhoneStyle.WhatsAppLink => "https://wa.me/" + e164[1..],
            _ => throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown phone style."),
        };
    }

    private static IEnumerable<string> Chunks(string digits, int size)
    {
        for (var i = 0; i < digits.Length; i += size) yield return digits.Substring(i, Math.Min(size, digits.Length - i));
    }

    private static string Map(string digits, int zeroCodePoint)
    {
        var builder = new StringBuilder(digits.Length * 2);
        foreach (var c in digits) builder.Append(char.ConvertFromUtf32(zeroCodePoint + (c - '0')));
        return builder.ToString();
    }

    private static string LookAlike(string digits) => digits.Replace('0', 'O').Replace('1', 'I');
}
