using AdWatch.Analysis;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdWatch.IntegrationTests.Analysis;

/// <summary>
/// A house without an address, as real ads show one: four women in Harderwijk ads that give only the town; three carry the
/// operator's booking number, the fourth the same room photo. The analysis makes it an unresolved location
/// (<c>unr:GM0243:tel:+31619999999</c>, "adres onbekend, Harderwijk") and flags it. Names and numbers are invented.
/// </summary>
internal static class UnresolvedSeed
{
    public const string Booking = "+31619999999";
    public const string Key = "unr:GM0243:tel:" + Booking;
    public const string Label = "adres onbekend, Harderwijk";
    private const ulong RoomA = 0x0F0F_0F0F_0F0F_0F0F;
    private const ulong RoomB = 0x3333_CCCC_3333_CCCC;
    private const ulong RoomC = 0x5555_AAAA_5555_AAAA;

    /// <summary>The analysis is run as of this time (the ads run from day 0 to day 23).</summary>
    public static DateTimeOffset AsOf => AnalysisSeed.Day0.AddDays(30).AddHours(14);

    /// <summary>Writes the four ads; returns their ids.</summary>
    public static async Task<long[]> TownOnlyRotationAsync(Database db, CancellationToken ct)
    {
        var seed = new AnalysisSeed(db);
        long[] ads =
        [
            await seed.AdAsync("unr-luna", "Luna", "Nieuw in Harderwijk", ["+31611111111", Booking], AnalysisSeed.Town, RoomA, 0, 4, ct),
            await seed.AdAsync("unr-bella", "Bella", "Bella, Harderwijk", ["+31622222222", Booking], AnalysisSeed.Town, RoomB, 6, 4, ct),
            await seed.AdAsync("unr-sofia", "Sofia", "Sofia in Harderwijk", [Booking], AnalysisSeed.Town, RoomC, 12, 5, ct),
            await seed.AdAsync("unr-ana", "Ana", "Ana, Harderwijk", ["+5511911111111"], AnalysisSeed.Town, RoomA ^ 0b11, 20, 3, ct),
        ];
        await using var c = await db.OpenAsync(ct);
        foreach (var (id, name) in ads.Zip(new[] { "Luna", "Bella", "Sofia", "Ana" }))
        {
            // Fingerprinted with the name, as extraction leaves a version: otherwise the analysis fingerprints it again and reads
            // no name from these titles, and Sofia (only the booking number) would count as the operator, not as a woman.
            await c.ExecuteAsync("UPDATE ad_versions SET advertiser_name = @name, fingerprinted_at = extracted_at WHERE ad_id = @id", new { id, name });
        }
        return ads;
    }

    /// <summary>The analysis as the app wires it, with the repository's rules and a clock past the seeded days.</summary>
    public static AnalysisRunner Runner(Database db) => new(db,
        new FakeTimeProvider(AnalysisSeed.Day0.AddDays(400)),
        new AnalysisRules(Options.Create(new AnalysisFileOptions { RulesFile = Path.Combine(RepoPaths.Root, "config", "analysis.yaml") })),
        Options.Create(new RegionOptions()), NullLogger<AnalysisRunner>.Instance);

    /// <summary>The unresolved location's id and its flag's id.</summary>
    public static async Task<(long LocationId, long FlagId)> FlaggedAsync(Database db, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        return await c.QuerySingleAsync<(long, long)>(new CommandDefinition("""
            SELECT l.id, f.id FROM places p JOIN locations l ON l.place_id = p.id JOIN flags f ON f.location_id = l.id WHERE p.key = @Key
            """, new { Key }, cancellationToken: ct));
    }
}
