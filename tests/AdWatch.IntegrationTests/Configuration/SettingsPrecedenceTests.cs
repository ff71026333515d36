using AdWatch.IntegrationTests.Cli;

namespace AdWatch.IntegrationTests.Configuration;

/// <summary>
/// Where a setting comes from, lowest first: code default &lt; adwatch.json &lt; unprefixed <c>Section__Key</c> variables &lt;
/// <c>ADWATCH__Section__Key</c> variables &lt; the command line (<c>--db</c>). Observed through <c>Storage:DatabasePath</c>:
/// the SQLite file a verb creates.
/// </summary>
public sealed class SettingsPrecedenceTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-precedence-");

    private static readonly string[] Levels = ["default", "file", "plain-env", "adwatch-env", "command-line"];

    [Theory]
    [InlineData("default", "data/adwatch.db")]
    [InlineData("file", "from-file.db")]
    [InlineData("plain-env", "from-plain-env.db")]
    [InlineData("adwatch-env", "from-adwatch-env.db")]
    [InlineData("command-line", "from-command-line.db")]
    public async Task EachLevel_OverridesTheOnesBelowIt(string level, string expectedFile)
    {
        // Every level up to this one sets the path; the highest must win.
        var upTo = Array.IndexOf(Levels, level);
        var environment = new Dictionary<string, string>();
        List<string> args = [];
        if (upTo >= 1)
        {
            File.WriteAllText(Path.Combine(_dir.FullName, "adwatch.json"), """{ "Storage": { "DatabasePath": "from-file.db" } }""");
            args.AddRange(["--config", "adwatch.json"]);
        }
        if (upTo >= 2)
        {
            environment["Storage__DatabasePath"] = "from-plain-env.db";
        }
        if (upTo >= 3)
        {
            environment["ADWATCH__Storage__DatabasePath"] = "from-adwatch-env.db";
        }
        if (upTo >= 4)
        {
            args.AddRange(["--db", "from-command-line.db"]);
        }

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, environment, TimeSpan.FromMinutes(1), [.. args, "users", "list"]);

        exit.ShouldBe(0, stderr);
        var databases = Directory.EnumerateFiles(_dir.FullName, "*.db", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_dir.FullName, f).Replace('\\', '/')).ToList();
        databases.ShouldBe([expectedFile]);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
