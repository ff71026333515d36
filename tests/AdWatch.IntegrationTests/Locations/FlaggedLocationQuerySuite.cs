using AdWatch.Accounts;
using AdWatch.IntegrationTests.Analysis;
using AdWatch.IntegrationTests.Dossiers;
using AdWatch.Web.Pages.Locations;
using AdWatch.Storage;
using Dapper;

namespace AdWatch.IntegrationTests.Locations;

public abstract class FlaggedLocationQuerySuite : ScenarioSuite
{
    [Fact]
    public async Task ListAsync_FiltersSortsAndPages_FlaggedAndLicensedLocations()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);
        var (second, club) = await AddFlagAndClubAsync(Database, s, ct);
        var query = new FlaggedLocationQuery(Database);

        var all = await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything }, ct);
        all.Rows.Select(r => (r.LocationId, r.Status, r.Score)).ShouldBe([(s.HouseLocationId, "new", all.Rows[0].Score), (second, "in_review", 0.1)]);
        all.Rows[0].Score!.Value.ShouldBeGreaterThan(0.1);
        (all.Rows[0].Advertisers, all.Rows[0].Stays, all.Rows[0].Label, all.Total).ShouldBe((3, 3, "Stationslaan 14, 3841 AB Harderwijk", 2));

        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, MunicipalityCode = "GM0233" }, ct)).Rows.Select(r => r.LocationId).ShouldBe([second]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Status = "in_review" }, ct)).Rows.Select(r => r.LocationId).ShouldBe([second]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, MinScore = 0.2 }, ct)).Rows.Select(r => r.LocationId).ShouldBe([s.HouseLocationId]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, From = AnalysisSeed.Day0.AddDays(19) }, ct)).Rows.Select(r => r.LocationId).ShouldBe([second]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, To = AnalysisSeed.Day0.AddDays(5) }, ct)).Rows.Select(r => r.LocationId).ShouldBe([s.HouseLocationId]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Sort = FlaggedLocationSort.LastSeen }, ct)).Rows.Select(r => r.LocationId)
            .ShouldBe([second, s.HouseLocationId]);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Sort = FlaggedLocationSort.Advertisers }, ct)).Rows.Select(r => r.LocationId)
            .ShouldBe([s.HouseLocationId, second]);

        var page2 = await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, PageSize = 1, Page = 2 }, ct);
        (page2.Rows.Single().LocationId, page2.Total, page2.Pages).ShouldBe((second, 2, 2));

        var licensed = await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, IncludeLicensed = true }, ct);
        var clubRow = licensed.Rows.Single(r => r.LocationId == club);
        (clubRow.Status, clubRow.FlagId, clubRow.Score, clubRow.LicensedVenue, licensed.Total).ShouldBe(("licensed", null, null, "Club Venus", 3));
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, Status = "licensed" }, ct)).Rows.Select(r => r.LocationId).ShouldBe([club]);
    }

    [Fact]
    public async Task ListAsync_HidesInactiveFlags_UnlessAsked()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);
        await using (var c = await Database.OpenAsync(ct))
        {
            await c.ExecuteAsync("UPDATE flags SET active = FALSE WHERE id = @FlagId", new { s.FlagId });
        }
        var query = new FlaggedLocationQuery(Database);

        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything }, ct)).Total.ShouldBe(0);
        (await query.ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything, IncludeInactive = true }, ct)).Rows.Single().Active.ShouldBeFalse();
    }

    /// <summary>A hand-written weak flag on the Ermelo house (in review) and a licensed club without a flag.</summary>
    internal static async Task<(long Second, long Club)> AddFlagAndClubAsync(Database db, DashboardScenario s, CancellationToken ct)
    {
        await using var c = await db.OpenAsync(ct);
        var at = AnalysisSeed.Day0.ToUnixTimeMilliseconds();
        await c.ExecuteAsync("""
            INSERT INTO flags (location_id, score, status, reasons_json, first_flagged_at, computed_at, as_of) VALUES (@id, 0.1, 'in_review', '[]', @at, @at, @at)
            """, new { id = s.ErmeloLocationId, at });
        var placeId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO places (key, label, precision, postcode, municipality_code, in_region, lat, lon, source, geocoded_at)
            VALUES ('pc6:3842XY:1', 'Industrieweg 1, 3842 XY Harderwijk', 'address', '3842XY', 'GM0243', TRUE, 52.35, 5.63, 'gazetteer', @at) RETURNING id
            """, new { at });
        var club = await c.ExecuteScalarAsync<long>("""
            INSERT INTO locations (place_id, licensed_venue, first_seen_at, last_seen_at) VALUES (@placeId, 'Club Venus', @at, @at) RETURNING id
            """, new { placeId, at });
        return (s.ErmeloLocationId, club);
    }
}
