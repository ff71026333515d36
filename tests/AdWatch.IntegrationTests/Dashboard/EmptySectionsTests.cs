using System.Globalization;
using System.Net;
using AdWatch.Exports;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Every section that can be empty says so in a plain sentence, in the page's language; audit rows read in it too.</summary>
[Collection(DashboardCollection.Name)]
public sealed class EmptySectionsTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl", "Geen regels voor dit filter.")]
    [InlineData("en", "No entries for this filter.")]
    public async Task Audit_SaysSo_WhenTheFilterFindsNothing(string culture, string sentence)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/audit?from=2001-01-01&to=2001-01-02&culture={culture}", Ct));

        html.ShouldContain(sentence);
    }

    [Theory]
    [InlineData("nl", "bekeken", "locatie")]
    [InlineData("en", "viewed", "location")]
    public async Task Audit_NamesActionsAndTargets_InThePagesLanguage_KeepingTheCodeAsDetail(string culture, string viewed, string location)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        await client.GetStringAsync($"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}", Ct); // audited as view/location

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/admin/audit?culture={culture}", Ct));

        html.ShouldContain($"<td>{viewed} <code class=\"muted\">view</code></td>");
        html.ShouldContain($"<td>{location}</td>");
        html.ShouldNotContain("<td>view</td>");
    }

    [Fact]
    public async Task Dossier_SaysSo_WhenItHasNoExportsOrIsNotFlagged()
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var exported = (await fixture.Services.GetRequiredService<ExportStore>().ForFlagAsync(data.LastFlag, Ct)).Count > 0;

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/locations/{data.LastLocation.ToString(CultureInfo.InvariantCulture)}", Ct));

        if (exported)
        {
            html.ShouldNotContain("Nog niet geëxporteerd.");
        }
        else
        {
            html.ShouldContain("Nog niet geëxporteerd.");
        }
        await using var c = await fixture.Services.GetRequiredService<Database>().OpenAsync(Ct);
        var unflagged = await c.ExecuteScalarAsync<long?>("SELECT MIN(l.id) FROM locations l WHERE NOT EXISTS (SELECT 1 FROM flags f WHERE f.location_id = l.id)");
        Assert.SkipWhen(unflagged is null, "the demo data has no unflagged location");
        var plain = WebUtility.HtmlDecode(await client.GetStringAsync($"/locations/{unflagged!.Value.ToString(CultureInfo.InvariantCulture)}?culture=en", Ct));
        plain.ShouldContain("This location is not flagged: there is nothing to review.");
    }
}
