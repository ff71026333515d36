using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AdWatch.IntegrationTests.Cli;
using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// First start of the real <c>adwatch serve</c> with no accounts: one line with a one-time link; the link creates the
/// administrator once and then stops working.
/// </summary>
public sealed partial class SetupLinkTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-setup-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetupLink_CreatesTheAdministratorOnce_ThenStopsWorking()
    {
        var port = LoopbackPort.Free();
        using var serve = AdwatchProcess.Start(_dir.FullName, "--db", "setup.db", "serve", "--urls", $"http://127.0.0.1:{port}");
        var link = await WaitForLinkAsync(serve);
        link.ShouldStartWith($"http://127.0.0.1:{port}/account/setup?token=");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var path = new Uri(link).PathAndQuery;
        var token = new Uri(link).Query["?token=".Length..];
        (await client.GetStringAsync("/account/setup?token=wrong-token", Ct)).ShouldContain("Deze link werkt niet (meer)");

        var created = await FormPost.SubmitAsync(client, path,
            [new("Token", token), new("Name", "beheer"), new("Password", "vier oranje lantaarns op de kade"), new("Repeat", "vier oranje lantaarns op de kade")]);

        created.StatusCode.ShouldBe(HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync(Ct));
        (await client.GetStringAsync("/", Ct)).ShouldContain("<span class=\"user-name\">beheer</span>");
        (await client.GetAsync("/hangfire", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the first account is an administrator");
        using var other = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
        {
            BaseAddress = client.BaseAddress,
        };
        (await other.GetStringAsync(path, Ct)).ShouldContain("Deze link werkt niet (meer)");
        var again = await other.PostAsync(path, new FormUrlEncodedContent([
            new("Token", token), new("Name", "indringer"), new("Password", "indringer-wachtwoord"), new("Repeat", "indringer-wachtwoord"),
            new("__RequestVerificationToken", FormPost.Token(await other.GetStringAsync("/account/signin", Ct))!),
        ]), Ct);
        (await again.Content.ReadAsStringAsync(Ct)).ShouldContain("Deze link werkt niet (meer)");
        Users().ShouldBe(["beheer admin"]);
        TokenColumns().ShouldNotContain(token, "only a hash of the token is stored");
        LinkLines(serve.Stdout).Count.ShouldBe(1, serve.Stdout);
    }

    private static async Task<string> WaitForLinkAsync(AdwatchProcess serve)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(90);
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            if (LinkLines(serve.Stdout) is [var line, ..])
            {
                return LinkPattern().Match(line).Value;
            }
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"no set-up link printed.\nstdout:\n{serve.Stdout}\nstderr:\n{serve.Stderr}");
    }

    private static List<string> LinkLines(string stdout) => [.. stdout.Split('\n').Where(l => LinkPattern().IsMatch(l))];

    private List<string> Users() => Query("SELECT name || ' ' || role FROM users ORDER BY name");

    private List<string> TokenColumns() => Query("SELECT token_hash FROM setup_tokens");

    private List<string> Query(string sql) => SqliteRows.Read(Path.Combine(_dir.FullName, "setup.db"), sql);


    [GeneratedRegex(@"https?://\S+/account/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Delete(recursive: true);
    }
}
