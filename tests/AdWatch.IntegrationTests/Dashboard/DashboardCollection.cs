namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Dashboard tests share one app with the demo data and run one after another, and the collection runs alone: Hangfire
/// keeps process-wide state (its log provider points at the last app's logger factory), so another in-process app being
/// disposed meanwhile (e.g. the Hangfire crawl test) would break this one; its Chromium must not be counted by
/// <see cref="ProcessTreeCollection"/> tests either.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
