using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Cli;

/// <summary><c>adwatch privacy inventory</c> on the real executable: the shipped inventory, its JSON, a broken file, and --check.</summary>
public sealed class PrivacyCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-privacy-");

    [Fact]
    public async Task Inventory_PrintsEveryTableWithItsColumns_AndWhatIsNotPurged()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "privacy", "inventory");

        exit.ShouldBe(0, stderr);
        stdout.ShouldStartWith("# Privacy inventory");
        stdout.ShouldContain("## ad_versions");
        stdout.ShouldMatch(@"\| body_text +\| special-category \| ad text +\|");
        stdout.ReplaceLineEndings("\n").ShouldContain("## audit_log\n\nRetention: RetentionPurge: Retention:AuditDays (730) after the entry; a purged phone number or ad URL is replaced by (purged) at once  \nSeen by: admin (Admin > Audit log)\n");
        stdout.ShouldContain("## Not purged");
        stdout.ShouldMatch(@"- exports: not purged[^\n]*\n  \(personal: requested_by, created_at; pseudonymous: flag_id, outbox_json, measure_event_id\)");
        var notPurged = stdout[stdout.IndexOf("## Not purged", StringComparison.Ordinal)..];
        notPurged.ShouldNotContain("- image_phones:");
        notPurged.ShouldNotContain("- alerts:");
        File.Exists(Path.Combine(_dir.FullName, "data", "adwatch.db")).ShouldBeFalse("printing the inventory needs no database");
    }

    [Fact]
    public async Task InventoryJson_ListsEveryColumnWithCategoryPurposeAndRetention()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "privacy", "inventory", "--json");

        exit.ShouldBe(0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().ToList();
        columns.Count.ShouldBeGreaterThan(200);
        var phone = columns.Single(c => c.GetProperty("table").GetString() == "phones" && c.GetProperty("column").GetString() == "e164");
        phone.GetProperty("category").GetString().ShouldBe("special-category");
        phone.GetProperty("retention").GetString()!.ShouldStartWith("not purged when an analyst marked it");
        phone.GetProperty("notPurged").GetBoolean().ShouldBeTrue();
        phone.GetProperty("access").GetString()!.ShouldStartWith("every signed-in user");
        root.GetProperty("notPurged").EnumerateArray().Select(e => e.GetString()).ShouldContain("reviews.actor");
    }

    [Fact]
    public async Task BrokenInventory_IsNamedWithLineAndField_AndExitsOne()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "config"));
        var file = Path.Combine(_dir.FullName, "config", "privacy-inventory.yaml");
        await File.WriteAllTextAsync(file, "ads:\n  retention: kept\n  columns:\n    id: { category: secret, purpose: row id }\n",
            TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "privacy", "inventory");

        exit.ShouldBe(1);
        stdout.ShouldBeEmpty();
        stderr.Trim().ShouldBe($"adwatch privacy inventory: {file}:4: ads.id.category: 'secret' is not one of special-category, personal, pseudonymous, none.");
    }

    [Fact]
    public async Task Check_PassesOnAMigratedDatabase_AndListsAColumnAddedOutsideTheInventory()
    {
        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "p.db", "privacy", "inventory", "--check");
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("is described in");

        using (var c = new SqliteConnection($"Data Source={Path.Combine(_dir.FullName, "p.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "ALTER TABLE users ADD COLUMN shoe_size TEXT";
            cmd.ExecuteNonQuery();
        }
        (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "p.db", "privacy", "inventory", "--check");

        exit.ShouldBe(1);
        stderr.ShouldContain("adwatch privacy inventory: 1 difference(s)");
        stderr.ShouldContain("migration adds users.shoe_size: describe it in ");
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
