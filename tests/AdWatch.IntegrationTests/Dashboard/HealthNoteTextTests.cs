using System.Globalization;
using AdWatch.Crawling;
using AdWatch.Evidence;
using AdWatch.Web.Display;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Health notes as the health gate writes them, read on a Dutch page in Dutch; English pages keep them as stored.</summary>
public sealed class HealthNoteTextTests
{
    private static readonly AdFields Empty = new(null, null, null, null, null, []);

    [Fact]
    public void Show_TranslatesEveryNoteOfTheHealthGate_OnADutchPage()
    {
        var site = AdWatch.Sites.SiteDefinitionLoader.LoadFile(Path.Combine(RepoPaths.Root, "crawlers", "kontaktbord.yaml"));
        var stats = new CrawlRunStats { Requests = 10, AdsUnchanged = 2, ErrorsByKind = new() { ["blocked"] = 1, ["http_503"] = 8 } };
        var note = HealthGate.Check(site, stats, [42, 38, 41], [Empty, Empty], false)!;
        var empty = HealthGate.Check(site, new CrawlRunStats { Requests = 1 }, [0, 0, 1, 1, 1], [], false)!;

        var dutch = WithCulture("nl-NL", () => HealthNoteText.Show(note) + "; " + HealthNoteText.Show(empty));
        var english = WithCulture("en", () => HealthNoteText.Show(note));

        dutch.ShouldContain("blokkade-/CAPTCHA-detector sloeg aan op 1 pagina('s)");
        dutch.ShouldContain("van de lopende mediaan 41");
        dutch.ShouldContain("velddekking");
        dutch.ShouldContain("9 van 10 verzoeken mislukt");
        dutch.ShouldContain("geen advertenties gevonden in 3 runs op rij");
        foreach (var word in new[] { "detector matched", "below", "rolling median", "requests failed", "runs in a row", "coverage" })
        {
            dutch.ShouldNotContain(word);
        }
        english.ShouldBe(note);
    }

    private static string WithCulture(string culture, Func<string> show)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return show();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
