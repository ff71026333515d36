using AdWatch.Accounts;
using AdWatch.Web.Pages.Crawlers;
using AdWatch.Review;
using AdWatch.Web.Pages.Locations;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Ids in the fixture's demo data the analyst-page tests open: flagged locations, a demo phone, a site, an evidence blob.</summary>
internal sealed record AnalystPageData(long TopLocation, long LastLocation, long LastFlag, string Phone, long SiteId, long? EvidenceId)
{
    public static async Task<AnalystPageData> LoadAsync(DashboardFixture fixture, CancellationToken ct)
    {
        var list = await fixture.Services.GetRequiredService<FlaggedLocationQuery>().ListAsync(new FlaggedLocationFilter { Scope = AccessScope.Everything }, ct);
        list.Rows.Count.ShouldBeGreaterThanOrEqualTo(2, "the demo flags four houses");
        var top = (await fixture.Services.GetRequiredService<DossierQuery>().GetAsync(list.Rows[0].LocationId, ct)).ShouldNotBeNull();
        var sites = await fixture.Services.GetRequiredService<CrawlerHealthQuery>().ListAsync(1, ct);
        var last = list.Rows.Last(r => r.FlagId is not null && !r.Label.Contains("xss", StringComparison.OrdinalIgnoreCase));
        return new AnalystPageData(top.LocationId, last.LocationId, last.FlagId!.Value, top.Phones.First(p => p.Status == "ok").E164,
            sites.First(s => s.LastRun is not null).SiteId, top.Ads.SelectMany(a => a.Captures).FirstOrDefault(c => c.EvidenceId is not null)?.EvidenceId);
    }

    /// <summary>How many analysis runs the fixture's database holds.</summary>
    public static async Task<long> AnalysisRunsAsync(DashboardFixture fixture, CancellationToken ct)
    {
        await using var c = await fixture.Services.GetRequiredService<AdWatch.Storage.Database>().OpenAsync(ct);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT COUNT(*) FROM analysis_runs");
    }

    /// <summary>
    /// Waits until the job server stored the analysis run a mark enqueued (one more than <paramref name="before"/>), so it
    /// does not run on under the next test. It picks the run up within its poll interval; on a loaded CI machine the analysis
    /// of the demo data took more than 30 s once, so the wait is up to 120 s.
    /// </summary>
    public static async Task WaitForAnalysisAsync(DashboardFixture fixture, long before, CancellationToken ct)
    {
        for (var i = 0; i < 1200 && await AnalysisRunsAsync(fixture, ct) == before; i++)
        {
            await Task.Delay(100, ct);
        }
        (await AnalysisRunsAsync(fixture, ct)).ShouldBeGreaterThan(before, "the analysis job should have run after the mark");
    }
}
