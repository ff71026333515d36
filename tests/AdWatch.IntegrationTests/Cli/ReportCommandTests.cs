using AdWatch.IntegrationTests.Demo;
using AdWatch.Storage;

namespace AdWatch.IntegrationTests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-report-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReportYear_PrintsTheSeededTable_AsTextAndCsv()
    {
        var path = Path.Combine(_dir.FullName, "r.db");
        await using (var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = path })))
        {
            await DemoEnforcementSuite.PrepareAsync(database, Ct);
            await DemoEnforcementSuite.SeedAsync(database, Ct);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "r.db", "report", "year", "2023", "--municipality", "GM0243");

        exit.ShouldBe(0, stderr);
        stdout.ShouldStartWith("De cijfers op een rij: 2023, gemeente GM0243");
        foreach (var line in DemoEnforcementSuite.Published)
        {
            stdout.ShouldContain($"• {line};");
        }
        var (csvExit, csv, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "r.db", "report", "year", "2023", "--municipality", "gm0243", "--csv");
        csvExit.ShouldBe(0);
        csv.ShouldContain("controls,7\n");
        csv.ShouldContain("dwangsom_forfeited_euro,5000\n");
    }

    [Theory]
    [InlineData(2, "adwatch report year: '20x3' is not a year from 1990 to 2100.", "20x3")]
    [InlineData(1, "adwatch report year: Unknown municipality GM9999", "2023", "--municipality", "GM9999")]
    [InlineData(1, "adwatch report year: 'Harderwijk' is not a municipality code", "2023", "--municipality", "Harderwijk")]
    public async Task ReportYear_RefusesABadYearOrMunicipality_InOneLine(int code, string message, params string[] args)
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, ["--db", "r.db", "report", "year", .. args]);

        exit.ShouldBe(code);
        stdout.ShouldBeEmpty();
        // The log lines of the migration (JSON) come before it; the refusal is one line of its own.
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith('{')).ToList();
        errors.ShouldHaveSingleItem().ShouldStartWith(message);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
