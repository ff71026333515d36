using AdWatch.DemoSites.Images;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Hosting;

/// <summary>What a site app needs to render: the scenario, the simulated day, settings and the shared image renderer.</summary>
internal sealed record DemoSiteContext(
    DemoScenario Scenario,
    SimulatedClock Clock,
    DemoSiteHostOptions Options,
    DemoImageRenderer Images,
    DemoSite Site);
