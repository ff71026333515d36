using System.Net;
using AdWatch.IntegrationTests.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// <c>adwatch serve --role web|worker</c>, the real executable on PostgreSQL: a worker runs the job server and answers only its
/// health endpoint; a web process serves the dashboard and runs no job server. On SQLite the split is refused.
/// </summary>
public sealed class ServeRoleTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-roles-");

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

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task Role_IsRefusedOnSqlite_InOneLine(string role)
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "roles.db", "serve", "--role", role, "--urls", "http://127.0.0.1:0");

        exit.ShouldBe(2);
        stderr.Trim().ShouldBe($"adwatch serve: --role {role} splits AdWatch over several processes, which needs PostgreSQL " +
                               "(Storage:Provider = postgres); on SQLite run one 'adwatch serve' (--role all).");
    }

    [Fact]
    public async Task Worker_RunsJobsAndAnswersOnlyHealth_Web_ServesTheDashboardAndRunsNoJobs()
    {
        await using var db = await TestDatabase.PostgresAsync();
        var environment = new Dictionary<string, string>
        {
            ["ADWATCH__Storage__Provider"] = "postgres",
            ["ADWATCH__Storage__ConnectionString"] = db.PostgresConnectionString!,
            ["ADWATCH__Jobs__ScheduleCrawls"] = "false",
        };
        var workerUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var webUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        using var worker = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--role", "worker", "--urls", workerUrl]);
        using var web = AdwatchProcess.Start(_dir.FullName, environment, ["serve", "--role", "web", "--urls", webUrl]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        await UpAsync(http, workerUrl, worker);
        await UpAsync(http, webUrl, web);

        (await http.GetAsync(workerUrl + "/account/signin", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(workerUrl + "/", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetAsync(webUrl + "/account/signin", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var c = await db.Database.OpenAsync(Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // a web process that wrongly started a job server would have announced it by now
        var servers = (await c.QueryAsync<string>("SELECT id FROM hangfire.server")).ToList();
        servers.Count.ShouldBe(1, string.Join(", ", servers));
        servers[0].ShouldContain(":" + worker.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
    }

    private static async Task UpAsync(HttpClient http, string url, AdwatchProcess process)
    {
        for (var i = 0; i < 120; i++)
        {
            process.HasExited.ShouldBeFalse($"exited: {process.Stderr}");
            try
            {
                if ((await http.GetAsync(url + "/healthz", Ct)).IsSuccessStatusCode)
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
        throw new TimeoutException($"{url} did not answer /healthz in 60 s: {process.Stderr}");
    }
}
