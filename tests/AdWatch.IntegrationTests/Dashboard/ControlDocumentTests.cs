using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AdWatch.Enforcement;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// A control's documents on the dossier: a coordinator attaches a PDF (kept with its SHA-256), anyone who may open the house
/// downloads it as an attachment (audited, never rendered in the page), what is no PDF, PNG or JPEG is refused whatever its
/// name, an analyst cannot attach, and an account of another municipality cannot download.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ControlDocumentTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% bestuurlijke rapportage (synthetisch)\n%%EOF\n"u8.ToArray();

    private EnforcementStore Store => fixture.Services.GetRequiredService<EnforcementStore>();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, long controlId, string fileName, byte[] bytes, string contentType)
    {
        var token = FormPost.Token(await client.GetStringAsync(page, Ct)).ShouldNotBeNull();
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(controlId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "controlId");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "document", fileName);
        return await client.PostAsync(page + "?handler=Document", form, Ct);
    }

    [Fact]
    public async Task Coordinator_AttachesAPdf_AndItIsDownloadedAsAnAttachment_ByWhoMayOpenTheHouse()
    {
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var location = data.TopLocation;
        var page = $"/locations/{location}";
        var control = (await Store.RecordControlAsync(new NewControl(location, new DateOnly(2022, 1, 15), [ControlParty.Boa], Premises.Woning,
            false, 0, 0, false, false, "documenttest"), "coco", Ct)).Id!.Value;
        using var coordinator = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        var upload = await UploadAsync(coordinator, page, control, "rapportage 2022-01-15.pdf", Pdf, "application/pdf");

        upload.StatusCode.ShouldBe(HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync(Ct));
        var doc = (await Store.DocumentsAsync(control, Ct)).ShouldHaveSingleItem();
        (doc.Name, doc.Sha256, doc.Bytes).ShouldBe(("rapportage 2022-01-15.pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf)), (long)Pdf.Length));
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync(page, Ct));
        html.ShouldContain($"data-document=\"{doc.Id}\"");

        using var analyst = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var download = await analyst.GetAsync($"{page}?handler=Document&documentId={doc.Id}", Ct);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        download.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("sandbox");
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(Pdf);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 500, Ct);
        audit.ShouldContain(a => a.Actor == DashboardFixture.Accounts[Policies.AnalystRole].Name && a.Action == "view"
                                 && a.TargetKind == "control_document" && a.TargetId == doc.Id.ToString());
        audit.ShouldContain(a => a.Action == "change" && a.TargetKind == "control" && a.TargetId == control.ToString() && a.Detail!.Contains(doc.Sha256));

        // The document is reached only through its own location.
        (await analyst.GetAsync($"/locations/{data.LastLocation}?handler=Document&documentId={doc.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An Ermelo account cannot open the Harderwijk house, nor its documents.
        using var erik = fixture.NewClient();
        (await FormPost.SignInAsync(erik, "erik", DashboardFixture.OrganisationAccounts["erik"].Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await erik.GetAsync($"{page}?handler=Document&documentId={doc.Id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnHtmlPageNamedPdf_IsRefused_AndAnAnalystCannotAttach()
    {
        var location = (await AnalystPageData.LoadAsync(fixture, Ct)).TopLocation;
        var page = $"/locations/{location}";
        var control = (await Store.RecordControlAsync(new NewControl(location, new DateOnly(2022, 2, 1), [ControlParty.Pct], Premises.Woning,
            false, 0, 0, false, false, "geweigerd document"), "coco", Ct)).Id!.Value;
        var hostile = "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray();
        using var coordinator = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        using var analyst = await fixture.SignedInClientAsync(Policies.AnalystRole);

        var refused = await UploadAsync(coordinator, page, control, "rapport.pdf", hostile, "application/pdf");
        var forged = await UploadAsync(analyst, page, control, "rapport.pdf", Pdf, "application/pdf");

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Alleen PDF-, PNG- en JPEG-bestanden kunnen worden toegevoegd.");
        forged.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Store.DocumentsAsync(control, Ct)).ShouldBeEmpty();
    }
}
