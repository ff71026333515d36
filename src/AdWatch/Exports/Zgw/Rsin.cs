namespace AdWatch.Exports.Zgw;

/// <summary>
/// RSIN (and BSN) check: nine digits passing the "elfproef" — 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 and not 0.
/// ZGW APIs refuse a <c>bronorganisatie</c> that fails it, so the configuration is checked at start instead.
/// </summary>
public static class Rsin
{
    public static bool IsValid(string? value)
    {
        if (value is not { Length: 9 } || !value.All(char.IsAsciiDigit))
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (value[i] - '0');
        }
        sum -= value[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }
}
