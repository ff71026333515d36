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

    [Theory]
    [InlineData("/locations?handler=Download&format=json")]
    [InlineData("/locations?handler=Download&format=csv")]
    [InlineData("/locations/{0}?handler=Pdf")]
    public async Task Analyst_IsRefused_TheLeadDownloadAndThePdf(string pathTemplate)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var path = string.Format(CultureInfo.InvariantCulture, pathTemplate, data.TopLocation);

        var response = await client.GetAsync(path, Ct);

        // A signed-in user without the role is sent to the access-denied page, with no lead data in the answer.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        response.Headers.Location.Query.ShouldContain("ReturnUrl=" + Uri.EscapeDataString(path));
        (await response.Content.ReadAsByteArrayAsync(Ct)).ShouldBeEmpty();
        (await client.GetAsync(response.Headers.Location, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Coordinator_GetsBadRequest_ForAnUnknownDownloadFormat()
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        var response = await client.GetAsync("/locations?handler=Download&format=xml", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/csv");
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
    [Theory]
    [InlineData("/locations?handler=Download&format=csv")]
    [InlineData("/locations?handler=Download&format=json")]
    [InlineData("/locations/{0}?handler=Pdf")]
    [InlineData("/locations/{0}")]
    [InlineData("/locations")]
    public async Task PagesAndDownloadsWithPersonalData_AreNeverCached(string pathTemplate)
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var path = string.Format(CultureInfo.InvariantCulture, pathTemplate, data.TopLocation);

        var response = await client.GetAsync(path, Ct);

        // A shared municipal PC must not keep a dossier or a lead file in its browser or proxy cache.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl.ShouldNotBeNull();
        response.Headers.CacheControl.NoStore.ShouldBeTrue();
        response.Headers.Pragma.ToString().ShouldBe("no-cache");
    }

    [Fact]
    public async Task StaticAssets_MayBeCached()
    {
        using var client = fixture.NewClient();

        var response = await client.GetAsync("/css/site.css", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (response.Headers.CacheControl?.NoStore ?? false).ShouldBeFalse();
    }
}
