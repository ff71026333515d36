using System.Text.Json;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// With stderr piped (scripts, CI, cron) a verb stays machine-readable and quiet: JSON log lines from Warning up (Information
/// with <c>--verbose</c>), its own plain lines, never a terminal escape; an explicit <c>Logging:LogLevel</c> still wins.
/// </summary>
public sealed class PipedOutputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-piped-");

    [Fact]
    public async Task Verb_LogsNoInformation_WhenPiped()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "quiet.db", "users", "list");

        exit.ShouldBe(0, stderr);
        stderr.ShouldNotContain("Applied migration");
        stderr.ShouldNotContain("\"LogLevel\":\"Information\"");
    }

    [Fact]
    public async Task Verbose_LogsInformation_AsJsonLines_WhenPiped()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "verbose.db", "--verbose", "users", "list");

        exit.ShouldBe(0, stderr);
        var lines = Lines(stderr);
        lines.ShouldAllBe(l => l.StartsWith('{'), stderr);
        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("Message").GetString())
            .ShouldContain(m => m!.StartsWith("Applied migration 0001", StringComparison.Ordinal), stderr);
    }

    [Fact]
    public async Task ExplicitLogLevel_InTheConfigurationFile_WinsOverTheQuietDefault()
    {
        var config = Path.Combine(_dir.FullName, "loud.json");
        await File.WriteAllTextAsync(config, """{ "Logging": { "LogLevel": { "Default": "Information" } } }""", TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "loud.db", "--config", config, "users", "list");

        exit.ShouldBe(0, stderr);
        stderr.ShouldContain("Applied migration 0001");
    }

    [Fact]
    public async Task FailedCrawl_WritesOnlyJsonAndPlainLines_NoTerminalEscapes()
    {
        var port = LoopbackPort.Free(); // nothing listens there
        var config = Path.Combine(_dir.FullName, "down.json");
        await File.WriteAllTextAsync(config, $$"""{ "Crawling": { "BaseUrlOverrides": { "kontaktbord": "http://127.0.0.1:{{port}}/" } } }""",
            TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null,
            new Dictionary<string, string> { ["ADWATCH__Crawling__RetryBaseDelayMs"] = "10" }, TimeSpan.FromMinutes(2),
            ["--db", "c.db", "--config", config, "crawl", "kontaktbord"]);

        exit.ShouldBe(1, stderr);
        (stdout + stderr).ShouldNotContain("\u001b");
        foreach (var line in Lines(stderr))
        {
            if (line.StartsWith('{'))
            {
                JsonDocument.Parse(line).RootElement.GetProperty("LogLevel").GetString().ShouldBeOneOf("Warning", "Error", "Critical");
            }
            else
            {
                line.ShouldMatch(@"^(crawl kontaktbord|adwatch crawl): ", stderr);
            }
        }
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public void Dispose() => _dir.Delete(recursive: true);
}
