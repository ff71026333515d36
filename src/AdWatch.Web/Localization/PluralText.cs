using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;

namespace AdWatch.Web.Localization;

/// <summary>
/// A count in words, singular for exactly one and plural otherwise ("1 advertentie", "0 advertenties", "2 ads"): Dutch and
/// English share that rule, so each count needs two resource keys, not ICU plural syntax. A page formatting one key for
/// every count printed "1 advertenties".
/// </summary>
public static class PluralText
{
    /// <summary>The <paramref name="one"/> or <paramref name="other"/> text (a resource key with <c>{0}</c>) for <paramref name="count"/>.</summary>
    public static string Count(this IHtmlLocalizer localizer, long count, string one, string other) =>
        string.Format(CultureInfo.CurrentCulture, localizer[count == 1 ? one : other].Value, count.ToString(CultureInfo.CurrentCulture));
}
