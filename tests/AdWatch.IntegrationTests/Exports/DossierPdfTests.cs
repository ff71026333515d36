using AdWatch.Browser;
using System.Security.Cryptography;
using System.Text;
using AdWatch.Review;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;
using AdWatch.Exports.Zgw;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>The dossier printed by Debian's Chromium and sent as the ZGW document.</summary>
[Trait("Category", "Browser")]
public sealed class DossierPdfTests : IAsyncLifetime
{
    private const string HostileNote = "<script>alert('x')</script><img src=x onerror=alert(1)> & \"notitie\"";
    private ZgwStandIn _zgw = null!;
    private ExportHarness _harness = null!;
    private long _flagId;

    public async ValueTask InitializeAsync()
    {
        var time = new ShiftedTime();
        _zgw = await ZgwStandIn.StartAsync(time);
        _harness = await ExportHarness.StartAsync(ExportHarness.Zgw(_zgw), realRenderer: true, time: time);
        _flagId = await LeadSeed.LeadAsync(_harness.Database, label: "Stationslaan <b>14</b>", note: HostileNote);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _zgw.DisposeAsync();
    }

    [Fact]
    public async Task ZgwExport_SendsThePrintedPdf_AndRecordsItsSha256()
    {
        SkipWithoutChromium();
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();

        await _harness.RunJobAsync(id);

        var row = (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!;
        row.Status.ShouldBe("done", row.LastError);
        var pdf = Convert.FromBase64String(_zgw.Documenten.Values.Single()["inhoud"]!.GetValue<string>());
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        pdf.Length.ShouldBeGreaterThan(5_000);
        var outbox = ZgwOutbox.Parse(row.OutboxJson);
        outbox.DocumentSha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        outbox.DocumentBytes.ShouldBe(pdf.Length);
        _zgw.Documenten.Values.Single()["bestandsomvang"]!.GetValue<long>().ShouldBe(pdf.Length);
    }

    [Fact]
    public async Task Document_HasTheBannerAndEvidence_AndEncodesHostileText()
    {
        var dossier = (await _harness.Get<DossierQuery>().GetByFlagAsync(_flagId, CancellationToken.None))!;

        var html = _harness.Get<DossierDocument>().Render(dossier, LeadSeed.At);

        html.ShouldContain(DossierDocument.BannerDutch);
        html.ShouldContain(DossierDocument.BannerEnglish);
        html.ShouldContain(LeadSeed.EvidenceShaOf("pc6:3841AB:14"));
        System.Net.WebUtility.HtmlDecode(html).ShouldContain("+31612345001");
        html.ShouldContain("Adverteerder 1");
        html.ShouldContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
        html.ShouldContain("Stationslaan &lt;b&gt;14&lt;/b&gt;");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        System.Net.WebUtility.HtmlDecode(html).ShouldContain(HostileNote); // shown as text, whole
    }

    [Fact]
    public async Task Pdf_ContainsTheBannerText()
    {
        SkipWithoutChromium();
        var renderer = (DossierPdfRenderer)_harness.Get<IDossierPdfRenderer>();
        var lead = (await _harness.Get<LeadQuery>().GetAsync(_flagId, CancellationToken.None))!;

        var pdf = await renderer.RenderAsync(lead, CancellationToken.None);

        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        PdfText.Extract(pdf).ShouldContain("Voormenselijkebeoordeling");
    }

    [Fact]
    public async Task Pdf_CarriesTheReferralInformation_OfTheLocationsMunicipality()
    {
        SkipWithoutChromium();
        var renderer = (DossierPdfRenderer)_harness.Get<IDossierPdfRenderer>();
        var lead = (await _harness.Get<LeadQuery>().GetAsync(_flagId, CancellationToken.None))!;

        var text = PdfText.Extract(await renderer.RenderAsync(lead, CancellationToken.None));

        // Whitespace is dropped by the extraction. The seeded lead is in Harderwijk (GM0243).
        text.ShouldContain("Hulpenmelden/Helpandreporting");
        text.ShouldContain("0800-7000");
        text.ShouldContain("info@comensha.nl");
        text.ShouldContain("zorgcoordinator@harderwijk.example");
        text.ShouldContain("Ayudaydenuncia");
        text.ShouldContain("Ajudaedenúncia");
    }

    [Fact]
    public async Task Pdf_KeepsPhoneNumbersWhole_AndNamesEmoji_InNarrowColumns()
    {
        SkipWithoutChromium();
        var dossier = (await _harness.Get<DossierQuery>().GetByFlagAsync(_flagId, CancellationToken.None))!;
        // A phone seen at many places: its "seen elsewhere" cell takes the width, the E.164 column gets a sliver.
        var elsewhere = Enumerable.Range(1, 12).Select(i => new DossierPhoneSighting(null, $"Zeer lange straatnaam {i}, 3841 AB Harderwijk", "GM0243",
            1, LeadSeed.At, LeadSeed.At)).ToList();
        dossier = dossier with
        {
            Phones = [new DossierPhone("+31615550565", "ok", 1, 13, elsewhere)],
            Ads = [.. dossier.Ads.Select(a => a with { Title = "Nieuw 💋 in Harderwijk" })],
        };
        var html = _harness.Get<DossierDocument>().Render(dossier, LeadSeed.At);

        var pdf = await ((DossierPdfRenderer)_harness.Get<IDossierPdfRenderer>()).PrintAsync(html, CancellationToken.None);

        // Each printed line is its own text run: the whole number in one run means no line break inside it.
        PdfText.Runs(pdf).ShouldContain(r => r.Contains("+31615550565", StringComparison.Ordinal));
        // No emoji font on a plain Debian server: the code point is printed next to the (possibly blank) glyph.
        PdfText.Extract(pdf).ShouldContain("Nieuw");
        PdfText.Extract(pdf).ShouldContain("(U+1F48B)");
    }

    [Fact]
    public async Task Pdf_ListsTheOperators_AsTheDossierPageDoes()
    {
        SkipWithoutChromium();
        var dossier = (await _harness.Get<DossierQuery>().GetByFlagAsync(_flagId, CancellationToken.None))!;
        dossier = dossier with { LinkedLocations = [], Operators = [new DossierOperator(7, "+31687654321", ["Adverteerder A", "Adverteerder B"])] };
        var html = _harness.Get<DossierDocument>().Render(dossier, LeadSeed.At);

        var text = PdfText.Extract(await ((DossierPdfRenderer)_harness.Get<IDossierPdfRenderer>()).PrintAsync(html, CancellationToken.None));

        // The page shows "Tussenpersoon +31687654321: Adverteerder A, Adverteerder B" under linked locations; so does the PDF.
        text.ShouldContain("Tussenpersoon/operator+31687654321");
        text.ShouldContain("AdverteerderA,AdverteerderB");
    }

    private static void SkipWithoutChromium()
    {
        if (!File.Exists(BrowserLocator.DebianChromium))
        {
            Assert.Skip("No Chromium at /usr/lib/chromium/chromium (apt-get install -y chromium); PDF test skipped.");
        }
    }
}
