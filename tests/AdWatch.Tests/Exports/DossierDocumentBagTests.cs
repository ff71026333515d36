using AdWatch.Exports.Dossier;
using AdWatch.Geocoding;
using AdWatch.Review;

namespace AdWatch.Tests.Exports;

/// <summary>The printed dossier names the BAG ids and gebruiksdoel of a PDOK-geocoded address, and none otherwise.</summary>
public sealed class DossierDocumentBagTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly Place Pdok = new(GeoPrecision.Address, "Stationsstraat", "12", "3841AB", "Harderwijk", "GM0243", true, 52.35, 5.62,
        "0243200000012345", "0243010000012345", "woonfunctie");

    private static LocationDossier Dossier(Place place, string label = "Stationsstraat 12, 3841 AB Harderwijk") =>
        new(7, 8, label, place, null, At, At, null, [], [], [], [], [], [], []);

    [Fact]
    public void Render_NamesTheBagIdsAndGebruiksdoel_WhenKnown()
    {
        var html = new DossierDocument().Render(Dossier(Pdok), At);

        html.ShouldContain("<dt>BAG</dt><dd>BAG nummeraanduiding 0243200000012345, BAG verblijfsobject 0243010000012345</dd>");
        html.ShouldContain("<dt>Gebruiksdoel / use (BAG)</dt><dd>woonfunctie</dd>");
    }

    [Fact]
    public void Render_ShowsNoBag_ForAnOfflinePlace()
    {
        var html = new DossierDocument().Render(Dossier(Pdok with { NummeraanduidingId = null, AdresseerbaarObjectId = null, Gebruiksdoel = null }), At);

        html.ShouldNotContain("BAG");
    }

    [Fact]
    public void Render_ShowsNoBag_ForAnUnresolvedLocation()
    {
        var html = new DossierDocument().Render(Dossier(Pdok with { Precision = GeoPrecision.Unresolved }, "adres onbekend, Harderwijk"), At);

        html.ShouldNotContain("0243200000012345");
        html.ShouldNotContain("woonfunctie");
    }
}
