using AdWatch.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// A second dashboard app (demo data + <see cref="HostileSeed"/>), for tests that add hostile rows or change review
/// statuses, so the shared <see cref="DashboardFixture"/> keeps the plain demo figures other tests count on.
/// </summary>
public sealed class HostileDashboardFixture : IAsyncLifetime
{
    public DashboardFixture App { get; } = new();

    internal HostileSeed.Ids Hostile { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        Hostile = await HostileSeed.SeedAsync(App.Services.GetRequiredService<Database>(), TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

/// <summary>
/// The collection of tests on <see cref="HostileDashboardFixture"/>. Runs alone, like <see cref="DashboardCollection"/>: its
/// app's background jobs are waited for, and need not share the machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileDashboardCollection : ICollectionFixture<HostileDashboardFixture>
{
    public const string Name = "HostileDashboard";
}
