using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>The command-line contract, exercised on the real executable.</summary>
public sealed class CliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-cli-");

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (exit, stdout, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--help");

        exit.ShouldBe(0);
        foreach (var verb in new[] { "serve", "demo", "crawl", "import", "extract", "analyze", "export", "users", "purge", "privacy" })
        {
            stdout.ShouldContain($"  {verb} ");
        }
        stdout.ShouldContain("--db");
        stdout.ShouldContain("--config");
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("serve", "--no-such-option")]
    [InlineData("--db")]
    public async Task BadArguments_ExitTwoWithUsage(params string[] args)
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, args);

        exit.ShouldBe(2);
        stderr.ShouldContain("Usage:");
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Analyze_StillAcceptsFull_WhichTheCliContractPromises()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "analyze", "--full", "--json");

        exit.ShouldBe(0, stderr);
        System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("locations").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task MissingConfigFile_IsNamed_AndExitsTwo()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--config", "nope.json", "serve");

        exit.ShouldBe(2);
        stderr.ShouldContain(Path.Combine(_dir.FullName, "nope.json"));
    }

    [Fact]
    public async Task InvalidSetting_IsNamed()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "bad.json"), """{ "Storage": { "Provider": "oracle" } }""");

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--config", "bad.json", "serve");

        exit.ShouldBe(1);
        stderr.ShouldContain("Storage:Provider");
        File.Exists(Path.Combine(_dir.FullName, "data", "adwatch.db")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("serve")]
    [InlineData("demo")]
    public async Task MissingRulesFile_IsAnError_NamingSettingAndPath(string verb)
    {
        var missing = Path.Combine(_dir.FullName, "no-such-analysis.yaml");
        File.WriteAllText(Path.Combine(_dir.FullName, "rules.json"), $$"""{ "Analysis": { "RulesFile": "{{missing.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");
        var port = LoopbackPort.Free();
        string[] args = verb == "analyze" ? ["--config", "rules.json", "--db", "a.db", "analyze", "--json"]
            : ["--config", "rules.json", "--db", "a.db", verb, "--urls", $"http://127.0.0.1:{port}"];

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, null, TimeSpan.FromSeconds(60), args);

        exit.ShouldBe(1, stderr);
        stderr.ShouldContain("Analysis:RulesFile");
        stderr.ShouldContain(missing);
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Serve_CreatesSchemaInEmptyFile_AndSecondStartLeavesItUnchanged()
    {
        var db = Path.Combine(_dir.FullName, "scratch.db");

        await ServeUntilHealthyAsync(db);
        var first = Schema(db);
        await ServeUntilHealthyAsync(db);

        first.ShouldContain(s => s.StartsWith("table ads:", StringComparison.Ordinal));
        Schema(db).ShouldBe(first);
    }

    private async Task ServeUntilHealthyAsync(string db)
    {
        var port = LoopbackPort.Free();
        using var serve = AdwatchProcess.Start(_dir.FullName, "--db", db, "serve", "--urls", $"http://127.0.0.1:{port}");
        using var http = new HttpClient();
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(60);
        while (true)
        {
            try
            {
                var body = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/healthz"), TestContext.Current.CancellationToken);
                body.ShouldContain("\"ok\"");
                return;
            }
            catch (HttpRequestException) when (TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException($"serve never became healthy: {e.Message}\n{serve.Stderr}", e);
            }
        }
    }

    private static List<string> Schema(string db) => SqliteRows.Read(db,
        "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master UNION ALL SELECT 'version ' || version || ' ' || checksum || ' ' || applied_at FROM schema_version ORDER BY 1");


    public void Dispose() => _dir.Delete(recursive: true);
}
