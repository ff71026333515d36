using System.Globalization;
using System.Net;
using AdWatch.Web.Security;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Dates the English UI cannot show the American way: the page is <c>en-GB</c>, and date fields are ISO text with the format
/// as placeholder (an <c>&lt;input type=date&gt;</c> shows the browser's locale, mm/dd/yyyy in an American one).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DateFieldsTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "en-GB", "yyyy-mm-dd")]
    [InlineData("nl", "nl-NL", "jjjj-mm-dd")]
    public async Task DateFilters_AreIsoText_WithTheFormatAsPlaceholder(string culture, string lang, string placeholder)
    {
        using var analyst = await fixture.SignedInClientAsync(Policies.AnalystRole);
        using var admin = await fixture.SignedInClientAsync(Policies.AdminRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var coordinator = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        foreach (var (client, page) in new[] { (analyst, "/locations?from=2023-05-04"), (admin, "/admin/audit?from=2023-05-04"),
            (coordinator, $"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}?x=1") })
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"{page}&culture={culture}", Ct));
            html.ShouldContain($"<html lang=\"{lang}\">", customMessage: page);
            html.ShouldNotContain("type=\"date\"", customMessage: page);
            html.ShouldContain($"placeholder=\"{placeholder}\"", customMessage: page);
            if (!page.Contains("/locations/", StringComparison.Ordinal))
            {
                html.ShouldContain("value=\"2023-05-04\"", customMessage: page); // the filter keeps the ISO date it was given
            }
        }
    }
}
