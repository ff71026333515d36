using System.Globalization;
using System.Net;
using AdWatch.Exports.Files;
using AdWatch.Web.Security;
using CsvHelper;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The dashboard's export entry points: lead downloads on the list, the dossier PDF; coordinators and admins only.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ExportPagesTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coordinator_DownloadsTheLeadsAsCsv_WithTheFourDemoHouses()
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        var response = await client.GetAsync("/locations?handler=Download&format=csv", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        using var csv = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync(Ct)), LeadFileExporter.CsvConfiguration);
        var rows = csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        rows.Count.ShouldBeGreaterThanOrEqualTo(4);
        rows.Select(r => (string)r.Values.First()).ShouldAllBe(v => v.Length > 0);
    }

    [Fact]
    public async Task Analyst_IsRefused_TheLeadDownloadAndThePdf()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);

        (await client.GetAsync("/locations?handler=Download&format=json", Ct)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await client.GetAsync($"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}?handler=Pdf", Ct)).StatusCode
            .ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Coordinator_DownloadsTheDossierPdf()
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);

        var response = await client.GetAsync($"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}?handler=Pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await response.Content.ReadAsByteArrayAsync(Ct))[..5].ShouldBe("%PDF-"u8.ToArray());
    }
}
