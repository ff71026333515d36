using AdWatch.Analysis;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Dossiers;

/// <summary>
/// A small synthetic world for the dashboard read models, analysed for real: three advertisers rotate through a house in
/// Harderwijk (flagged); Luna, the first, moves on to a house in Ermelo and then to Zwolle (touring); a licensed club.
/// </summary>
internal sealed class DashboardScenario
{
    public static readonly GeocodedAddress ErmeloHouse = new("Stationsstraat 5, 3851 AA Ermelo", new Place(GeoPrecision.Address, "Stationsstraat", "5", "3851AA", "Ermelo", "GM0233", true, 52.298, 5.620));

    public static readonly GeocodedAddress Zwolle = new("Zwolle", new Place(GeoPrecision.Place, null, null, null, "Zwolle", "GM0193", false, 52.51, 6.09));

    public const string LunaPhone = "+31611110001";

    public long[] HouseAds { get; private set; } = [];
    public long ErmeloAd { get; private set; }
    public long HouseLocationId { get; private set; }
    public long ErmeloLocationId { get; private set; }
    public long FlagId { get; private set; }
    public long LunaFirstVersionId { get; private set; }

    public static DateTimeOffset AsOf => AnalysisSeed.Day0.AddDays(30).AddHours(14);

    public static AnalysisRunner Runner(Database db, TimeProvider? time = null, string? rulesFile = null) => new(db,
        time ?? new FakeTimeProvider(AsOf),
        new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = rulesFile ?? Path.Combine(RepoPaths.Root, "config", "analysis.yaml") })),
        Options.Create(new AdWatch.Extraction.RegionOptions()), NullLogger<AnalysisRunner>.Instance);

    public static async Task<DashboardScenario> SeedAsync(Database db, CancellationToken ct)
    {
        var seed = new AnalysisSeed(db);
        var s = new DashboardScenario();
        s.HouseAds =
        [
            await seed.AdAsync("h1", "Luna – nieuw in Harderwijk", "Hoi, ik ben Luna, net aangekomen. Bel me voor een afspraak bij mij thuis, discreet.",
                [LunaPhone], AnalysisSeed.House, 0x1111_1111_1111_1111, 0, 4, ct),
            await seed.AdAsync("h2", "Mila", "Hallo schat, zoete verrassing deze week alleen hier, kom snel langs want ik blijf maar kort.",
                ["+31611110002"], AnalysisSeed.House, 0x2222_2222_2222_2222, 6, 4, ct),
            await seed.AdAsync("h3", "Noor", "Latina bomba, de hele week beschikbaar, privé ontvangst, parkeren voor de deur, bel of app.",
                ["+31611110003"], AnalysisSeed.House, 0x4444_4444_4444_4444, 12, 4, ct),
        ];
        s.ErmeloAd = await seed.AdAsync("e1", "Luna in Ermelo", "Luna is er weer, nu een paar dagen in Ermelo, bel voor een afspraak.",
            [LunaPhone], ErmeloHouse, 0x1111_1111_1111_1111, 20, 3, ct);
        await seed.AdAsync("z1", "Luna Zwolle", "Luna komt naar Zwolle, alleen dit weekend, bel snel.", [LunaPhone], Zwolle, null, 25, 2, ct);
        await Runner(db).RunAsync(AsOf, null, ct);

        await using var c = await db.OpenAsync(ct);
        s.HouseLocationId = await c.ExecuteScalarAsync<long>(
            "SELECT l.id FROM locations l JOIN places p ON p.id = l.place_id WHERE p.postcode = '3841AB'");
        s.ErmeloLocationId = await c.ExecuteScalarAsync<long>(
            "SELECT l.id FROM locations l JOIN places p ON p.id = l.place_id WHERE p.postcode = '3851AA'");
        s.FlagId = await c.ExecuteScalarAsync<long>("SELECT id FROM flags WHERE location_id = @HouseLocationId", new { s.HouseLocationId });
        s.LunaFirstVersionId = await c.ExecuteScalarAsync<long>("SELECT MIN(id) FROM ad_versions WHERE ad_id = @id", new { id = s.HouseAds[0] });
        return s;
    }
}
