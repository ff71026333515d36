using System.Net;
using AdWatch.Alerts;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The inbox shows the demo's flags as alerts with their evidence; watching a location from its dossier is a POST, audited.</summary>
[Collection(DashboardCollection.Name)]
public sealed class InboxTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl", "Meldingen", "nieuwe markering", "opnamen met SHA-256")]
    [InlineData("en", "Alerts", "new flag", "captures with SHA-256")]
    public async Task Inbox_ListsTheDemosFlagsAsAlerts_WithTheirEvidence(string culture, string heading, string kind, string evidence)
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/inbox?all=true&culture={culture}", Ct));

        html.ShouldContain($"<h1>{heading}</h1>");
        html.ShouldContain(kind);
        html.ShouldContain(evidence);
        foreach (var house in AdWatch.DemoSites.Scenario.Harderwijk2023Scenario.Houses)
        {
            html.ShouldContain(house);
        }
    }

    [Fact]
    public async Task Dossier_WatchButton_StartsAndStopsAWatch_AndAuditsIt()
    {
        var name = "volger-" + Guid.NewGuid().ToString("N")[..8];
        var password = await fixture.AddUserAsync(name, "analyst");
        using var client = fixture.NewClient();
        (await FormPost.SignInAsync(client, name, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = (await AnalystPageData.LoadAsync(fixture, Ct)).TopLocation;
        var dossier = $"/locations/{location}";
        var target = location.ToString(System.Globalization.CultureInfo.InvariantCulture);
        KeyValuePair<string, string>[] Fields(bool stop) => [new("kind", "location"), new("target", target), new("stop", stop ? "true" : "false"), new("back", dossier)];

        var watch = await FormPost.SubmitAsync(client, dossier, Fields(false), "/inbox?handler=Watch");
        watch.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        watch.Headers.Location!.OriginalString.ShouldBe(dossier);
        var alerts = fixture.Services.GetRequiredService<AlertStore>();
        (await alerts.IsWatchingAsync(name, "location", target, Ct)).ShouldBeTrue();
        (await client.GetStringAsync(dossier, Ct)).ShouldContain("data-watching=\"true\"");

        (await FormPost.SubmitAsync(client, dossier, Fields(true), "/inbox?handler=Watch")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await alerts.IsWatchingAsync(name, "location", target, Ct)).ShouldBeFalse();
        await using var c = await fixture.Services.GetRequiredService<AdWatch.Storage.Database>().OpenAsync(Ct);
        (await c.QueryAsync<string>("SELECT action FROM audit_log WHERE actor = @name AND target_kind = 'location' AND action IN ('watch', 'unwatch') ORDER BY id", new { name }))
            .ShouldBe(["watch", "unwatch"]);
        // An off-site "back" is not followed.
        var offsite = await FormPost.SubmitAsync(client, dossier, [new("kind", "location"), new("target", target), new("stop", "false"), new("back", "https://example.org/")],
            "/inbox?handler=Watch");
        offsite.Headers.Location!.OriginalString.ShouldNotContain("example.org");
    }

    [Fact]
    public async Task ErmeloAnalyst_CannotWatchAHarderwijkLocation_AndTheRefusalIsAudited()
    {
        using var client = fixture.NewClient();
        var (password, _, _) = DashboardFixture.OrganisationAccounts["erik"];
        (await FormPost.SignInAsync(client, "erik", password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var target = (await AnalystPageData.LoadAsync(fixture, Ct)).TopLocation.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var response = await FormPost.SubmitAsync(client, "/inbox", [new("kind", "location"), new("target", target), new("stop", "false"), new("back", "/")],
            "/inbox?handler=Watch");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await fixture.Services.GetRequiredService<AlertStore>().IsWatchingAsync("erik", "location", target, Ct)).ShouldBeFalse();
        await using var c = await fixture.Services.GetRequiredService<AdWatch.Storage.Database>().OpenAsync(Ct);
        (await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE actor = 'erik' AND action = 'access_refused' AND target_id = @target AND detail LIKE '%watch%'",
            new { target })).ShouldBeGreaterThan(0);
        // Nor does the demo's Harderwijk flag reach Erik's inbox.
        (await fixture.Services.GetRequiredService<AlertStore>().InboxAsync("erik", false, 50, Ct)).ShouldBeEmpty();
    }
}
