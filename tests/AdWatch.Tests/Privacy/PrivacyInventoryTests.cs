using AdWatch.Privacy;
using AdWatch.Storage;
using AdWatch.Tests.Extraction;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.Tests.Privacy;

/// <summary>
/// config/privacy-inventory.yaml describes exactly the columns the migrations create: a migration that adds a column fails
/// here until the column is described, and a described column that went fails too.
/// </summary>
public sealed class PrivacyInventoryTests : IAsyncLifetime
{
    private const string FileName = "config/privacy-inventory.yaml";
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"adwatch-inventory-{Guid.NewGuid():N}.db");
    private Database _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = _db }));
        await new SchemaMigrator(_database, new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero)),
            NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static PrivacyInventory Shipped()
    {
        using var reader = File.OpenText(RepoFiles.Path("config", "privacy-inventory.yaml"));
        return PrivacyInventory.Parse(reader, FileName);
    }

    private static PrivacyInventory Parse(string yaml) => PrivacyInventory.Parse(new StringReader(yaml), "inv.yaml");

    [Fact]
    public async Task ShippedInventory_DescribesExactlyTheColumnsOfTheMigratedSchema()
    {
        var schema = await PrivacyInventory.ReadSchemaAsync(_database, Ct);

        schema.ShouldContain(new SchemaColumn("ad_versions", "body_text"));
        schema.ShouldContain(new SchemaColumn("schema_version", "checksum"));
        schema.Count.ShouldBeGreaterThan(200);
        var problems = Shipped().Compare(schema);
        problems.ShouldBeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Compare_NamesAColumnAddedByALaterMigration()
    {
        await using (var connection = await _database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("ALTER TABLE ads ADD COLUMN foo TEXT");
        }

        var problems = Shipped().Compare(await PrivacyInventory.ReadSchemaAsync(_database, Ct));

        problems.ShouldBe(["migration adds ads.foo: describe it in config/privacy-inventory.yaml"]);
    }

    [Fact]
    public async Task Compare_NamesANewTableColumnByColumn_AndADescribedColumnThatIsGone()
    {
        await using (var connection = await _database.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("CREATE TABLE anonymous_tips (id INTEGER PRIMARY KEY, note TEXT)");
            await connection.ExecuteAsync("ALTER TABLE crawl_runs DROP COLUMN health_note");
        }

        var problems = Shipped().Compare(await PrivacyInventory.ReadSchemaAsync(_database, Ct));

        problems.Count.ShouldBe(3);
        problems[0].ShouldBe("migration adds anonymous_tips.id: describe it in config/privacy-inventory.yaml");
        problems[1].ShouldBe("migration adds anonymous_tips.note: describe it in config/privacy-inventory.yaml");
        problems[2].ShouldMatch(@"^config/privacy-inventory\.yaml:\d+: crawl_runs\.health_note is described but the schema has no such column");
    }

    [Fact]
    public void ShippedInventory_SaysPlainlyWhatIsNotPurged()
    {
        var inventory = Shipped();

        inventory.Columns.ShouldAllBe(c => !string.IsNullOrWhiteSpace(c.Purpose) && !string.IsNullOrWhiteSpace(c.Retention) && !string.IsNullOrWhiteSpace(c.Access));
        inventory.Columns.Single(c => c is { Table: "users", Column: "password_hash" }).Access.ShouldStartWith("no one");
        // Findings the DPIA must see, read from RetentionPurge: nothing deletes user accounts (the OCR phone cache, alerts,
        // watches, controls and measures have their rules since issue 15, review notes since issue 16).
        var notPurged = inventory.NotPurged.Select(c => $"{c.Table}.{c.Column}").ToList();
        notPurged.ShouldNotContain("image_phones.phones_json");
        notPurged.ShouldNotContain("alerts.evidence_json");
        notPurged.ShouldNotContain("controls.note");
        notPurged.ShouldNotContain("reviews.note");
        notPurged.ShouldContain("users.name");
        notPurged.ShouldNotContain("ad_versions.body_text");
        inventory.Columns.Single(c => c is { Table: "ad_versions", Column: "body_text" }).Category.ShouldBe("special-category");
    }

    [Fact]
    public void Parse_UsesTheTablesRetentionAndAccess_UnlessTheColumnHasItsOwn()
    {
        var inventory = Parse("""
            ads:
              retention: RetentionPurge
              access: analysts
              columns:
                id: { category: none, purpose: row id, access: no one }
                url:
                  category: pseudonymous
                  purpose: the ad's address
                  retention: not purged
            """);

        inventory.Columns.Select(c => (c.Column, c.Retention, c.Access, c.Line))
            .ShouldBe([("id", "RetentionPurge", "no one", 5L), ("url", "not purged", "analysts", 6L)]);
        inventory.NotPurged.Single().Column.ShouldBe("url");
    }

    [Theory]
    [InlineData("ads: [1\n", "inv.yaml:")]
    [InlineData("- ads\n", "inv.yaml:1: expected a mapping of table names")]
    [InlineData("ads: text\n", "inv.yaml:1: ads: expected a mapping with retention, access and columns")]
    [InlineData("ads:\n  retention: x\n", "inv.yaml:1: ads.columns: missing")]
    [InlineData("ads:\n  retention: x\n  colums: {}\n", "inv.yaml:3: ads.colums: unknown field")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: secret, purpose: p }\n", "inv.yaml:4: ads.id.category: 'secret' is not one of special-category, personal")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none }\n", "inv.yaml:4: ads.id.purpose: missing")]
    [InlineData("ads:\n  columns:\n    id: { category: none, purpose: p }\n", "inv.yaml:3: ads.id.retention: missing, and the table gives none")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none, purpose: p }\n", "inv.yaml:4: ads.id.access: missing, and the table gives none")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none, purpose: p, kept: yes }\n", "inv.yaml:4: ads.id.kept: unknown field")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none, purpose: a, b }\n", "inv.yaml:4: ads.id.b: unknown field")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none, purpose: \"\" }\n", "inv.yaml:4: ads.id.purpose: expected a single non-empty value")]
    [InlineData("ads:\n  retention: x\n  columns:\n    id: { category: none, purpose: p }\n    id: { category: none, purpose: q }\n", "inv.yaml:")]
    public void Parse_NamesFileLineAndField_OfAMistake(string yaml, string message)
    {
        Should.Throw<PrivacyInventoryException>(() => Parse(yaml)).Message.ShouldStartWith(message);
    }

    [Fact]
    public void Load_NamesAMissingFile()
    {
        Should.Throw<PrivacyInventoryException>(() => PrivacyInventory.Load("/nonexistent/privacy-inventory.yaml"))
            .Message.ShouldStartWith("/nonexistent/privacy-inventory.yaml: not found");
    }
}
