using System.Globalization;
using System.Net;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// A server as a municipality may first install it: no Chromium (<c>Browser:ChromiumPath</c> names a missing file) and no
/// case system configured. The app runs on a copy of the dashboard fixture's demo database, so a review step taken here
/// changes nothing the other dashboard tests read.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class NoChromiumNoCaseSystemTests(DashboardFixture fixture) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-nochromium-");
    private TestWebApp? _app;

    public async ValueTask InitializeAsync()
    {
        var copy = Path.Combine(_dir.FullName, "copy.db");
        await using (var source = new SqliteConnection($"Data Source={fixture.DatabasePath}"))
        {
            await source.OpenAsync(Ct);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", copy);
            await vacuum.ExecuteNonQueryAsync(Ct);
        }
        _app = await TestWebApp.BuildAsync("adwatch-nochromium-", "copy.db", builder =>
        {
            builder.Services.AddTransient<IStartupFilter, TestClientAddress>();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dashboard:SignInAttemptsPerMinute"] = "10000",
                ["Browser:ChromiumPath"] = Path.Combine(_dir.FullName, "no-such-chromium"),
            });
        }, Ct, _dir);
        await _app.StartAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync(); // deletes _dir with the app
        }
    }

    [Fact]
    public async Task DossierPdf_Answers503SayingHowToInstallChromium_AndThePageShowsWhyInsteadOfTheLink()
    {
        using var client = await SignedInAsync(Policies.CoordinatorRole);
        var location = (await AnalystPageData.LoadAsync(fixture, Ct)).TopLocation.ToString(CultureInfo.InvariantCulture);

        using var pdf = await client.GetAsync($"/locations/{location}?handler=Pdf", Ct);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/locations/{location}", Ct));
        var english = WebUtility.HtmlDecode(await client.GetStringAsync($"/locations/{location}?culture=en", Ct));

        pdf.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var answer = WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync(Ct));
        answer.ShouldContain("Chromium ontbreekt");
        answer.ShouldContain("apt-get install chromium");
        answer.ShouldContain("Browser:ChromiumPath");
        page.ShouldNotContain("?handler=Pdf\"");
        page.ShouldContain("De PDF kan op deze server niet worden gemaakt: Chromium ontbreekt");
        english.ShouldContain("The PDF cannot be made on this server: Chromium is missing");
    }

    [Fact]
    public async Task ProposeInspection_SaysNothingWasSent_WhenNoCaseSystemIsConfigured()
    {
        using var client = await SignedInAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var page = $"/locations/{data.LastLocation.ToString(CultureInfo.InvariantCulture)}";
        using (await FormPost.SubmitAsync(client, page, [new("action", "take_in_review")], page + "?handler=Review")) { } // from new; already in review is fine
        var before = WebUtility.HtmlDecode(await client.GetStringAsync(page, Ct));
        before.ShouldContain("value=\"propose_inspection\"");
        // Said before the click, next to the button...
        before.ShouldContain("Er is geen zaaksysteem ingesteld: inspectie voorstellen verandert alleen de status hier en verstuurt niets.");

        var response = await FormPost.SubmitAsync(client, page, [new("action", "propose_inspection")], page + "?handler=Review");

        // ...and after it, on the page the post leads to: never a silent "done".
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct));
        after.ShouldContain("De inspectie is voorgesteld, maar nergens heen gestuurd: er is geen zaaksysteem (ZGW of webhook) ingesteld.");
    }

    private Task<HttpClient> SignedInAsync(string role)
    {
        var (name, password) = DashboardFixture.Accounts[role];
        return _app!.SignedInAsync(name, password);
    }
}
