using System.Globalization;
using System.Text.RegularExpressions;

namespace AdWatch.Web.Display;

/// <summary>
/// A crawl run's health note in the page's language. The health gate (<c>HealthGate</c>) stores its notes in English, as
/// logs and <c>adwatch crawl</c> show them; a Dutch page translates each known part ("; "-separated) and keeps a part it
/// does not know (a crawl failure's own message) as stored. The stored English stays available as the caller's detail.
/// </summary>
public static partial class HealthNoteText
{
    public static string Show(string? note)
    {
        if (string.IsNullOrEmpty(note) || CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "nl")
        {
            return note ?? "";
        }
        return string.Join("; ", note.Split("; ").Select(Dutch));
    }

    private static string Dutch(string part) => part switch
    {
        _ when Blocked().Match(part) is { Success: true } m => $"blokkade-/CAPTCHA-detector sloeg aan op {m.Groups[1].Value} pagina('s)",
        _ when BelowMedian().Match(part) is { Success: true } m =>
            $"{m.Groups[1].Value} advertenties, minder dan {m.Groups[2].Value} van de lopende mediaan {m.Groups[3].Value}",
        _ when EmptyRuns().Match(part) is { Success: true } m =>
            $"geen advertenties gevonden in {m.Groups[1].Value} runs op rij, en de detector voor een lege lijst sloeg niet aan",
        "no ads found and the empty-listing detector did not match" => "geen advertenties gevonden, en de detector voor een lege lijst sloeg niet aan",
        _ when Coverage().Match(part) is { Success: true } m =>
            $"velddekking {m.Groups[1].Value} onder {m.Groups[2].Value} (andere opmaak van de site?)",
        _ when Failed().Match(part) is { Success: true } m => $"{m.Groups[1].Value} van {m.Groups[2].Value} verzoeken mislukt",
        _ => part,
    };

    [GeneratedRegex(@"^blocked/CAPTCHA detector matched on (\d+) page\(s\)$")]
    private static partial Regex Blocked();

    [GeneratedRegex(@"^(\d+) ads, below ([\d.,]+\s?%) of the rolling median ([\d.,]+)$")]
    private static partial Regex BelowMedian();

    [GeneratedRegex(@"^no ads found in (\d+) runs in a row and the empty-listing detector did not match$")]
    private static partial Regex EmptyRuns();

    [GeneratedRegex(@"^field coverage ([\d.,]+\s?%) below ([\d.,]+\s?%) \(layout change\?\)$")]
    private static partial Regex Coverage();

    [GeneratedRegex(@"^(\d+) of (\d+) requests failed$")]
    private static partial Regex Failed();
}
