using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.IntegrationTests.Exports;
using AdWatch.IntegrationTests.Storage;
using AdWatch.Review;
using AdWatch.Web.Pages.Locations;
using AdWatch.Web.Pages.Phones;
using Dapper;

namespace AdWatch.IntegrationTests.Accounts;

/// <summary>
/// The organisation boundary in SQL, on SQLite and PostgreSQL (where a list parameter is an array, <c>= ANY(@scopeCodes)</c>):
/// two leads, one in Harderwijk and one in Putten, read through the location list, the location check and the phone lookup.
/// </summary>
public abstract class AccessScopeSuite : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private long _harderwijk;
    private long _putten;

    protected abstract Task<TestDatabase> CreateAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly AccessScope Putten = AccessScope.Within("putten", ["GM0273"]);
    private static readonly AccessScope ThreeMunicipalities = AccessScope.Within("regio", ["GM0233", "GM0243", "GM0273"]);

    public async ValueTask InitializeAsync()
    {
        _db = await CreateAsync();
        await _db.Migrator().MigrateAsync(Ct);
        var harderwijkFlag = await LeadSeed.LeadAsync(_db.Database, key: "adr:GM0243:STATIONSLAAN:14A", ct: Ct);
        var puttenFlag = await LeadSeed.LeadAsync(_db.Database, key: "adr:GM0273:DORPSSTRAAT:3", label: "Dorpsstraat 3, 3881 AA Putten", ct: Ct);
        await using var c = await _db.Database.OpenAsync(Ct);
        _harderwijk = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @harderwijkFlag", new { harderwijkFlag });
        _putten = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @puttenFlag", new { puttenFlag });
        await c.ExecuteAsync("UPDATE places SET municipality_code = 'GM0273', place_name = 'Putten' WHERE id = (SELECT place_id FROM locations WHERE id = @_putten)",
            new { _putten });
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<long[]> ListedAsync(AccessScope scope) =>
        [.. (await new FlaggedLocationQuery(_db.Database).ListAsync(new FlaggedLocationFilter { Scope = scope }, Ct)).Rows.Select(r => r.LocationId).Order()];

    [Fact]
    public async Task TheLocationList_HoldsOnlyTheScopesMunicipalities()
    {
        (await ListedAsync(Putten)).ShouldBe([_putten]);
        (await ListedAsync(ThreeMunicipalities)).ShouldBe(new[] { _harderwijk, _putten }.Order().ToArray());
        (await ListedAsync(AccessScope.RegionWide("politie"))).Length.ShouldBe(2);
        (await ListedAsync(AccessScope.Nothing)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ALocationOutsideTheScope_IsRefused()
    {
        var access = new LocationAccess(_db.Database);

        (await access.LocationAsync(_harderwijk, Putten, Ct)).ShouldBe(AccessVerdict.Refused);
        (await access.LocationAsync(_putten, Putten, Ct)).ShouldBe(AccessVerdict.Allowed);
        (await access.LocationAsync(_harderwijk, ThreeMunicipalities, Ct)).ShouldBe(AccessVerdict.Allowed);
    }

    [Fact]
    public async Task ThePhoneLookup_GivesOnlyAHit_ForANumberSeenOutsideTheScope()
    {
        var lookup = new PhoneLookup(_db.Database, new PhoneExtractor());
        // LeadSeed gives both houses the same three numbers: a Putten account sees its own ads and a hit elsewhere.
        var putten = await lookup.LookupAsync("06 12345001", Putten, Ct);
        var ermelo = await lookup.LookupAsync("06 12345001", AccessScope.Within("ermelo", ["GM0233"]), Ct);

        putten.Known.ShouldBeTrue();
        putten.Places.ShouldAllBe(p => p.MunicipalityCode == "GM0273");
        putten.ElsewhereInRegion.ShouldBe(true);
        (ermelo.Known, ermelo.ElsewhereInRegion, ermelo.Ads.Count).ShouldBe((false, true, 0));
    }
}

public sealed class SqliteAccessScopeTests : AccessScopeSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresAccessScopeTests : AccessScopeSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
