using AdWatch.Accounts;
using AdWatch.Extraction;
using AdWatch.Analysis;
using AdWatch.Geocoding;
using AdWatch.IntegrationTests.Dossiers;
using AdWatch.Web.Pages.Touring;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Touring;

public abstract class TouringQuerySuite : ScenarioSuite
{
    private static IOptions<AnalysisFileOptions> Rules => Options.Create(new AnalysisFileOptions
    {
        RulesFile = Path.Combine(RepoPaths.Root, "config", "analysis.yaml"),
    });

    [Fact]
    public async Task ListAsync_ListsAdvertiserSeenInThreeTowns_AndNotTheOthers()
    {
        var ct = TestContext.Current.CancellationToken;
        var s = await DashboardScenario.SeedAsync(Database, ct);

        var touring = await new TouringQuery(Database, Options.Create(new RegionOptions())).ListAsync(AccessScope.Everything, ct);

        var luna = touring.ShouldHaveSingleItem();
        luna.Label.ShouldBe("Luna");
        luna.Phones.ShouldBe([DashboardScenario.LunaPhone]);
        luna.Towns.Select(t => (t.Label, t.InRegion)).ShouldBe([("Harderwijk", true), ("Ermelo", true), ("Zwolle", false)]);
        luna.Locations.Order().ShouldBe(new[] { s.HouseLocationId, s.ErmeloLocationId }.Order());
        // The same advertiser as the analysis' own touring list (analyze --json).
        var report = (await DashboardScenario.Runner(Database).RunAsync(DashboardScenario.AsOf, null, ct)).Report;
        report.Touring.ShouldHaveSingleItem().AdvertiserId.ShouldBe(luna.AdvertiserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ListAsync_IsEmpty_WhenTheTownsAreTooFarApart()
    {
        var ct = TestContext.Current.CancellationToken;
        await DashboardScenario.SeedAsync(Database, ct);
        var strict = Path.Combine(Path.GetTempPath(), $"adwatch-touring-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(strict, (await File.ReadAllTextAsync(Rules.Value.RulesFile, ct)) + "\n", ct);
        try
        {
            var text = await File.ReadAllTextAsync(strict, ct);
            text.ShouldContain("touringTourDays");
            await File.WriteAllTextAsync(strict, System.Text.RegularExpressions.Regex.Replace(text, @"touringTourDays:\s*\d+", "touringTourDays: 5"), ct);

            // The analysis decides who tours; the page shows what it stored.
            var run = await DashboardScenario.Runner(Database, rulesFile: strict).RunAsync(DashboardScenario.AsOf, null, ct);
            var touring = await new TouringQuery(Database, Options.Create(new RegionOptions())).ListAsync(AccessScope.Everything, ct);

            run.Report.Touring.ShouldBeEmpty();
            touring.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(strict);
        }
    }
}
