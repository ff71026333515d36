using AdWatch.DemoSites.Scenario;
using AdWatch.Enforcement;
using AdWatch.Extraction;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Privacy;
using AdWatch.Storage;
using AdWatch.Web.Demo;
using Dapper;

namespace AdWatch.IntegrationTests.Demo;

/// <summary>
/// The demo's enforcement seed on the four houses reproduces Harderwijk's published 2023 table through the real store and year
/// report, on SQLite and PostgreSQL. The houses' places and locations are inserted directly (as analysis would leave them), so
/// the test needs no crawl.
/// </summary>
public abstract class DemoEnforcementSuite
{
    /// <summary>"De cijfers op een rij" of shared/context/harderwijk-2023.txt, as the report words it.</summary>
    public static readonly string[] Published =
    [
        "7 controles uitgevoerd",
        "15 personen gecontroleerd, waarbij 15x sprake was van illegale prostitutie",
        "4 locaties, betrof 4x een woning",
        "Last onder dwangsom 2x (dwangsom van 5000 euro)",
        "Last onder bestuursdwang 3x",
        "Last onder dwangsom verbeurd 1x (dwangsom van 5000 euro)",
        "Last onder bestuursdwang toegepast 1x (woning gesloten voor 3 maanden)",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<TestDatabase> CreateAsync();

    /// <summary>Migrates <paramref name="database"/>, inserts the four houses in Harderwijk and a house in Ermelo; returns the Ermelo location.</summary>
    internal static async Task<long> PrepareAsync(Database database, CancellationToken ct)
    {
        await new SchemaMigrator(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
            .MigrateAsync(ct);
        long ermelo = 0;
        await using var c = await database.OpenAsync(ct);
        foreach (var (label, code) in Harderwijk2023Scenario.Houses.Select(h => (h, "GM0243")).Append((Harderwijk2023Scenario.HomeWorkerAddress, "GM0233")))
        {
            var place = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO places (key, label, precision, municipality_code, in_region, source, geocoded_at)
                VALUES (@key, @label, 'address', @code, TRUE, 'gazetteer', 0) RETURNING id
                """, new { key = "test:" + label, label, code }, cancellationToken: ct));
            ermelo = await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO locations (place_id, first_seen_at, last_seen_at) VALUES (@place, 0, 0) RETURNING id", new { place }, cancellationToken: ct));
        }
        return ermelo;
    }

    internal static async Task SeedAsync(Database database, CancellationToken ct)
    {
        var store = new EnforcementStore(database, new AuditLog(database, TimeProvider.System), TimeProvider.System);
        (await new DemoEnforcement(database, store).RecordAsync(ct)).ShouldBe((7, 5));
    }

    private static YearReportQuery Query(Database database) => new(database, Microsoft.Extensions.Options.Options.Create(new RegionOptions()));

    [Fact]
    public async Task Seed_ReproducesThePublishedTable_ForHarderwijkOnly()
    {
        await using var db = await CreateAsync();
        var ermelo = await PrepareAsync(db.Database, Ct);
        var store = new EnforcementStore(db.Database, new AuditLog(db.Database, TimeProvider.System), TimeProvider.System);
        // Another municipality's control in 2023 must not count for Harderwijk.
        (await store.RecordControlAsync(new NewControl(ermelo, new DateOnly(2023, 5, 5), [ControlParty.Boa], Premises.Woning, true, 1, 1, false, true, null),
            "coordinator", Ct)).Succeeded.ShouldBeTrue();

        await SeedAsync(db.Database, Ct);

        var report = await Query(db.Database).ComputeAsync(2023, "GM0243", Ct);
        report.Lines().ShouldBe(Published);
        (report.Controls, report.PersonsChecked, report.PersonsIllegal, report.Locations, report.LocationsWoning).ShouldBe((7, 15, 15, 4, 4));
        report.Closures.ShouldHaveSingleItem().Months.ShouldBe(3);
        (await Query(db.Database).ComputeAsync(2023, null, Ct)).Controls.ShouldBe(8);
        (await Query(db.Database).ComputeAsync(2024, "GM0243", Ct)).Lines()[0].ShouldBe("0 controles uitgevoerd");
        await using var c = await db.Database.OpenAsync(Ct);
        // Recorded like a coordinator would: every control and every state change audited.
        (await c.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM audit_log WHERE actor = 'coordinator' AND target_kind IN ('control', 'measure')", cancellationToken: Ct)))
            .ShouldBe(8 + (await c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM measure_events", cancellationToken: Ct))));
    }

    [Fact]
    public async Task Seed_RefusesToGuess_WhenAHouseHasNoLocation()
    {
        await using var db = await CreateAsync();
        await new SchemaMigrator(db.Database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);

        var store = new EnforcementStore(db.Database, new AuditLog(db.Database, TimeProvider.System), TimeProvider.System);
        (await Should.ThrowAsync<InvalidOperationException>(() => new DemoEnforcement(db.Database, store).RecordAsync(Ct)))
            .Message.ShouldContain(Harderwijk2023Scenario.Houses[0]);
    }
}

public sealed class SqliteDemoEnforcementTests : DemoEnforcementSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresDemoEnforcementTests : DemoEnforcementSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}

/// <summary>The seed's facts follow the scenario: each control on a day a woman stays at its house, its persons those since the last control.</summary>
public sealed class Harderwijk2023EnforcementTests
{
    [Fact]
    public void EveryControl_FallsInAStay_AndCountsTheHousesAdvertisersSinceTheLastControl()
    {
        var scenario = Harderwijk2023Scenario.Create();
        for (var house = 0; house < Harderwijk2023Scenario.Houses.Count; house++)
        {
            var address = Harderwijk2023Scenario.Houses[house];
            // The touring advertisers of the house (the Lantaarn-only women name the town only) and their stays.
            var stays = scenario.Ads.Where(a => a.Versions.Any(v => v.Location == address))
                .GroupBy(a => a.AdvertiserId)
                .Select(g => (First: g.Min(a => a.Active[0].First), Last: g.Max(a => a.Active[^1].Last)))
                .ToList();
            var controls = Harderwijk2023Enforcement.Controls.Where(c => c.House == house).OrderBy(c => c.On).ToList();
            controls.ShouldNotBeEmpty();
            var previous = DateOnly.MinValue;
            foreach (var control in controls)
            {
                stays.ShouldContain(s => s.First <= control.On && control.On <= s.Last, $"control on {control.On} at {address} falls in no stay");
                control.Persons.ShouldBe(stays.Count(s => s.First > previous && s.First <= control.On), $"persons at {address} on {control.On}");
                previous = control.On;
            }
            controls.Sum(c => c.Persons).ShouldBe(stays.Count, address);
        }
        Harderwijk2023Enforcement.Controls.Sum(c => c.Persons).ShouldBe(15);
    }
}
