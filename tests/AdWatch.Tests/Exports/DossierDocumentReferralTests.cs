using System.Net;
using AdWatch.Exports.Dossier;
using AdWatch.Geocoding;
using AdWatch.Review;

namespace AdWatch.Tests.Exports;

/// <summary>Care first: the printed dossier carries the referral block of the location's municipality, on its first page.</summary>
public sealed class DossierDocumentReferralTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static LocationDossier Dossier(string? municipality) =>
        new(7, 8, "Stationsstraat 12, 3841 AB Harderwijk",
            new Place(GeoPrecision.Address, "Stationsstraat", "12", "3841AB", "Harderwijk", municipality, true, 52.35, 5.62, null, null, null),
            null, At, At, null, [], [], [], [], [], [], []);

    [Fact]
    public void Render_WithTheShippedFile_CarriesMeldMisdaadAnoniemCoMenshaAndTheMunicipalitysCoordinator()
    {
        var html = WebUtility.HtmlDecode(new DossierDocument().Render(Dossier("GM0233"), At));

        html.ShouldContain("Hulp en melden / Help and reporting");
        html.ShouldContain("Meld Misdaad Anoniem (M.)");
        html.ShouldContain("Telefoon 0800-7000");
        html.ShouldContain("Telefoon 033 448 11 86");
        html.ShouldContain("zorgcoordinator@ermelo.example");
        html.ShouldNotContain("harderwijk.example");
        html.ShouldContain(ReferralLanguages.ExampleWarning); // the shipped coordinators are placeholders, and say so
    }

    [Fact]
    public void Render_PutsTheReferralOnTheFirstPage_BeforeTheDetails_InAllFourLanguages()
    {
        var referrals = ReferralsLoader.Parse(new StringReader("""
            contacts:
              coordinator:
                name: Zorgcoördinator Veluwe
                phone: 0000-111111
                hours: {nl: werkdagen, en: working days, es: días laborables, pt: dias úteis}
                text: {nl: Hulp in de regio., en: Help in the region., es: Ayuda en la región., pt: Ajuda na região.}
            """), "referrals.yaml");

        var html = new DossierDocument(new ReferralDirectory(referrals)).Render(Dossier(null), At);

        var referral = html.IndexOf("id=\"referral\"", StringComparison.Ordinal);
        referral.ShouldBeGreaterThan(html.IndexOf("<h1>", StringComparison.Ordinal));
        referral.ShouldBeLessThan(html.IndexOf("<dl>", StringComparison.Ordinal));
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain("Telefoon 0000-111111");
        text.ShouldContain("Bereikbaar / Hours: werkdagen");
        text.ShouldContain("Hulp in de regio.");
        text.ShouldContain("<em>Help in the region.</em>");
        text.ShouldContain("<p lang=\"es\"><strong>Ayuda y denuncia</strong> En caso de peligro inmediato: llame al 112.");
        text.ShouldContain("Teléfono 0000-111111 — Horario: días laborables. Ayuda en la región.");
        text.ShouldContain("<p lang=\"pt\"><strong>Ajuda e denúncia</strong>");
        text.ShouldContain("Telefone 0000-111111 — Horário: dias úteis. Ajuda na região.");
        text.ShouldNotContain(ReferralLanguages.ExampleWarning);
    }
}
