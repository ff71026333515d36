using System.Text.Json;
using AdWatch.Exports;
using AdWatch.IntegrationTests.Cli;
using AdWatch.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Exports;

/// <summary><c>adwatch export leads</c> as a real process on a seeded database.</summary>
public sealed class ExportLeadsCommandTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-export-leads-");
    private long _flagId;

    public async ValueTask InitializeAsync()
    {
        await using var db = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir.FullName, "a.db") }));
        await new SchemaMigrator(db, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        _flagId = await LeadSeed.LeadAsync(db);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public ValueTask DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Csv_GoesToStandardOutput()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "export", "leads", "--format", "csv");

        exit.ShouldBe(0, stderr);
        var lines = stdout.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("lead_id,flag_id,status,score,label,");
        lines.Length.ShouldBe(2);
        lines[1].ShouldStartWith($"lead-{_flagId},{_flagId},inspection_proposed,0.87,");
    }

    [Fact]
    public async Task Json_GoesToTheOutFile_AndIsAudited()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "export", "leads", "--format", "json", "--out", "out/leads.json");

        exit.ShouldBe(0, stderr);
        stderr.ShouldContain("Wrote 1 leads");
        var leads = JsonSerializer.Deserialize<List<Lead>>(await File.ReadAllTextAsync(Path.Combine(_dir.FullName, "out", "leads.json"), TestContext.Current.CancellationToken), LeadJson.Options)!;
        leads.ShouldHaveSingleItem().FlagId.ShouldBe(_flagId);
        Directory.GetFiles(Path.Combine(_dir.FullName, "out")).Length.ShouldBe(1);
        await using var db = new Database(Options.Create(new StorageOptions { DatabasePath = Path.Combine(_dir.FullName, "a.db") }));
        await using var c = await db.OpenAsync(CancellationToken.None);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT actor || ' ' || action || ' ' || target_kind || ' ' || detail FROM audit_log";
        ((string)(await cmd.ExecuteScalarAsync(TestContext.Current.CancellationToken))!).ShouldBe("cli export leads json, 1 leads");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Since_AfterTheLastChange_PrintsOnlyTheHeader()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "export", "leads", "--format", "csv", "--since", "2026-03-02");

        exit.ShouldBe(0, stderr);
        stdout.TrimEnd().Split('\n').ShouldHaveSingleItem().ShouldStartWith("lead_id,");
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("")]
    public async Task UnknownFormat_IsAUsageError(string format)
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "export", "leads", "--format", format);

        exit.ShouldBe(2);
        stderr.ShouldNotBeEmpty();
    }
}
