using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AdWatch.IntegrationTests.Cli;
using AdWatch.IntegrationTests.Dashboard;

namespace AdWatch.IntegrationTests.Demo;

/// <summary>
/// `adwatch demo` (serving) on the real executable: after the replay it prints the dashboard address and one account per role,
/// and those accounts sign in; an analyst then sees the flagged houses. HTTP site only, so it takes seconds.
/// </summary>
public sealed partial class DemoServeTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-demo-serve-");

    [Fact]
    public async Task Demo_ServesTheDashboard_WithPrintedAccountsThatSignIn()
    {
        var port = LoopbackPort.Free();
        using var demo = AdwatchProcess.Start(_dir.FullName,
            new Dictionary<string, string> { ["ADWATCH__Browser__ChromiumPath"] = "/nonexistent/chromium" },
            ["demo", "--urls", $"http://127.0.0.1:{port}"]);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!demo.Stdout.Contains("Press Ctrl+C", StringComparison.Ordinal))
        {
            if (waited.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"the demo did not start serving.\nstdout:\n{demo.Stdout}\nstderr:\n{demo.Stderr}");
            }
            await Task.Delay(250, Ct);
        }

        demo.Stdout.ShouldContain($"Dashboard: http://127.0.0.1:{port}");
        var printed = AccountLine().Matches(demo.Stdout).ToDictionary(m => m.Groups["name"].Value,
            m => (Role: m.Groups["role"].Value, Organisation: m.Groups["organisation"].Value, Password: m.Groups["password"].Value));
        printed.Keys.Order().ShouldBe(["analist", "analist-ermelo", "beheerder", "coordinator", "politie"]);
        printed.Values.Select(a => a.Role).Distinct().Order().ShouldBe(["admin", "analyst", "coordinator"]);
        printed["analist-ermelo"].Organisation.ShouldBe("ermelo");
        printed["politie"].Organisation.ShouldBe("politie");
        var accounts = printed.Where(a => a.Key is "analist" or "coordinator" or "beheerder")
            .ToDictionary(a => a.Value.Role, a => (a.Key, a.Value.Password));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var (name, password) = accounts["analyst"];
        (await FormPost.SignInAsync(client, name, "not-" + password)).StatusCode.ShouldBe(HttpStatusCode.OK, "a wrong password stays on the sign-in page");
        (await FormPost.SignInAsync(client, name, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await client.GetStringAsync("/locations", Ct);
        list.ShouldContain("Voorbeeldstraat 12");
        list.ShouldContain("Demohof 5");
        // The Ermelo analyst of the demo sees none of the seed's Harderwijk houses.
        using var ermelo = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        (await FormPost.SignInAsync(ermelo, "analist-ermelo", printed["analist-ermelo"].Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ermelo.GetStringAsync("/locations", Ct)).ShouldNotContain("Voorbeeldstraat 12");
    }


    [GeneratedRegex(@"^\s+(?<name>\S+)\s+(?<password>[a-z2-9]{20})\s+\((?<role>analyst|coordinator|admin), (?<organisation>[a-z0-9-]+)\)\s*$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // the process may still hold the database for a moment
        }
    }
}
