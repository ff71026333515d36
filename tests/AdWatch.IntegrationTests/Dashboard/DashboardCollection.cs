namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Dashboard tests share one app with the demo data and run one after another, and the collection runs alone: tests wait
/// for its background jobs (a re-analysis after a mark), and its Chromium must not be counted by
/// <see cref="ProcessTreeCollection"/> tests. (It once also had to: Hangfire's process-wide job activator and log provider
/// followed the last app built; each app now keeps its own, see <c>JobServer</c> and <see cref="Jobs.HangfireInOneProcessTests"/>.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
