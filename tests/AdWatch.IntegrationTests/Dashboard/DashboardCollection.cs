namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Dashboard tests share one app with the demo data; xunit runs them one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
