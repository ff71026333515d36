using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Benchmarks.Analysis;

/// <summary>
/// The pages themselves, not only their queries: the real app (<see cref="WebApp"/>) on loopback over the benchmark
/// database, a signed-in analyst, and the time from request to the last byte of the rendered page — which includes
/// routing, authentication, the audit write of each dossier view, Razor rendering and the loopback round trip, so it is
/// an upper bound of the server time.
/// </summary>
internal static partial class DashboardHttpBenchmark
{
    public static async Task RunAsync(string databasePath, IReadOnlyList<long> locationIds, int requests, Action<string, List<double>> report,
        CancellationToken ct)
    {
        var app = WebApp.Build(new AppSettings(databasePath, null), "http://127.0.0.1:0", builder => builder.Configuration.AddInMemoryCollection([
            new("Jobs:ScheduleCrawls", "false"),
            new("Retention:Enabled", "false"),
            new("Logging:LogLevel:Default", "Warning"),
        ]));
        await AppHost.MigrateAsync(app.Services, ct);
        var users = app.Services.GetRequiredService<UserStore>();
        const string name = "bench-analist", password = "benchmark-password-1";
        if (await users.FindAsync(name, ct) is null)
        {
            await users.AddAsync(name, Role.Analyst, new PasswordHasher<string>().HashPassword(name, password), TimeProvider.System.GetUtcNow(), "regio", ct);
        }
        await app.StartAsync(ct);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(address),
            };
            var signIn = await client.GetStringAsync("/account/signin", ct);
            var token = WebUtility.HtmlDecode(Token().Match(signIn).Groups[1].Value);
            var posted = await client.PostAsync("/account/signin", new FormUrlEncodedContent([
                new("Name", name), new("Password", password), new("__RequestVerificationToken", token)]), ct);
            if (posted.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"benchmark sign-in failed: HTTP {(int)posted.StatusCode}");
            }

            string[] municipalities = ["", "GM0243", "GM0233", "GM0273"];
            string[] sorts = ["score", "lastseen", "advertisers"];
            report("HTTP /locations page (filters/sorts/pages varied)", await MeasureAsync(client, requests, i =>
                $"/locations?municipality={municipalities[i % 4]}&sort={sorts[i % 3]}&p={1 + i % 3}", ct));
            report($"HTTP /locations/{{id}} dossier page ({Math.Min(requests, locationIds.Count)} different locations)",
                await MeasureAsync(client, requests, i => $"/locations/{locationIds[i % locationIds.Count].ToString(CultureInfo.InvariantCulture)}", ct));
        }
        finally
        {
            await app.StopAsync(ct);
            await app.DisposeAsync();
        }
    }

    private static async Task<List<double>> MeasureAsync(HttpClient client, int count, Func<int, string> url, CancellationToken ct)
    {
        for (var i = 0; i < Math.Min(20, count); i++)
        {
            (await client.GetAsync(url(i), ct)).EnsureSuccessStatusCode(); // warm-up: JIT, Razor compilation, caches
        }
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url(i), HttpCompletionOption.ResponseContentRead, ct);
            response.EnsureSuccessStatusCode();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
