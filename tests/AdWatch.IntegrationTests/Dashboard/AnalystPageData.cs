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
}
