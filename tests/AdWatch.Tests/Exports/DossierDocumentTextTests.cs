using AdWatch.Exports.Dossier;
using AdWatch.Geocoding;
using AdWatch.Review;

namespace AdWatch.Tests.Exports;

/// <summary>The printed dossier shows a bidi control in an ad's title as a marker: the title cannot pose as another file name.</summary>
public sealed class DossierDocumentTextTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ShowsBidiControlsOfAnAd_AsMarkers()
    {
        var place = new Place(GeoPrecision.Address, "Stationsstraat", "12", "3841AB", "Harderwijk", "GM0243", true, 52.35, 5.62);
        var ad = new DossierAd(1, "kontaktbord", "k-1", "http://127.0.0.1:9/\u202Egnp.exe", "active", "\u202Egnp.exe", null, null, null, null,
            "Lisa\u2067", At, At, 1, [], []);
        var dossier = new LocationDossier(7, 8, "Stationsstraat 12\u200F", place, null, At, At, null, [], [], [ad], [], [], [], []);

        var html = System.Net.WebUtility.HtmlDecode(new DossierDocument().Render(dossier, At));

        html.ShouldContain("<td>⟦U+202E⟧gnp.exe</td>");
        html.ShouldContain("<td>http://127.0.0.1:9/⟦U+202E⟧gnp.exe</td>");
        html.ShouldContain("Stationsstraat 12⟦U+200F⟧");
        html.ShouldNotContain("\u202E", customMessage: "not raw, nor as a character reference");
        html.ShouldNotContain("\u2067");
    }
}
