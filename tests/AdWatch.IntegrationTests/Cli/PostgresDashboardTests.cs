using System.Net;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// The dashboard on PostgreSQL (the shared dashboard fixture is SQLite): input that PostgreSQL refuses where SQLite does not —
/// a NUL byte in a search, dates at the ends of the calendar, a score that is no number — answers a page, never a 500.
/// The real executable: accounts by <c>adwatch users add</c>, then <c>adwatch serve</c>.
/// </summary>
public sealed class PostgresDashboardTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-pg-dashboard-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a child may still hold a file for a moment
        }
    }

    [Fact]
    public async Task HostileQueries_AnswerPages_OnPostgres()
    {
        await using var db = await TestDatabase.PostgresAsync();
        var environment = new Dictionary<string, string>
        {
            ["ADWATCH__Storage__Provider"] = "postgres",
            ["ADWATCH__Storage__ConnectionString"] = db.PostgresConnectionString!,
            ["ADWATCH__Jobs__ScheduleCrawls"] = "false",
        };
        const string password = "postgres-dashboard-wachtwoord-2024";
        foreach (var (name, role) in new[] { ("pia", "analyst"), ("piet", "admin") })
        {
            var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, password, environment, TimeSpan.FromMinutes(2),
                ["users", "add", name, "--role", role, "--organisation", "regio", "--password-stdin"]);
            exit.ShouldBe(0, stderr);
        }
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var serve = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--urls", url]);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        await WaitUpAsync(probe, url, serve);

        using var analyst = await SignedInAsync(url, "pia", password);
        foreach (var path in new[] { "/phones?q=%00", "/phones?q=06%0012345678", "/addresses?q=%00", "/locations?MinScore=NaN", "/locations?q=%00" })
        {
            var response = await analyst.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {serve.Stderr}");
        }
        using var admin = await SignedInAsync(url, "piet", password);
        foreach (var path in new[] { "/admin/audit?from=0001-01-01", "/admin/audit?to=9999-12-31", "/admin/audit?actor=%00" })
        {
            var response = await admin.GetAsync(path, Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{path}: {serve.Stderr}");
        }
        serve.Stderr.ShouldNotContain("22021"); // PostgreSQL: invalid byte sequence (a NUL) reached a query
    }

    private static async Task<HttpClient> SignedInAsync(string url, string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(url),
        };
        (await FormPost.SignInAsync(client, name, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static async Task WaitUpAsync(HttpClient http, string url, AdwatchProcess process)
    {
        for (var i = 0; i < 120; i++)
        {
            process.HasExited.ShouldBeFalse($"exited: {process.Stderr}");
            try
            {
                if ((await http.GetAsync(url + "/account/signin", Ct)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(500, Ct);
        }
        throw new TimeoutException($"{url} did not answer in 60 s: {process.Stderr}");
    }
}
