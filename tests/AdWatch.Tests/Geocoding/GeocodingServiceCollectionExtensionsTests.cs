using AdWatch.Extraction;
using AdWatch.Geocoding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Geocoding;

public sealed class GeocodingServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings.TryAdd("Region:DataFolder", RegionFixture.DataFolder);
        settings.TryAdd("Extraction:IndicatorsPath", AdWatch.Tests.Extraction.RepoFiles.Path("config", "indicators.yaml")); // geocoding registers extraction
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAdWatchGeocoding(config);
        return services.BuildServiceProvider();
    }

    private static async Task StartAsync(ServiceProvider provider)
    {
        // What the host does at start for ValidateOnStart.
        var validator = provider.GetRequiredService<IStartupValidator>();
        validator.Validate();
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AddAdWatchGeocoding_UsesVeluweWest_WhenRegionIsNotConfigured()
    {
        await using var provider = Build([]);

        await StartAsync(provider);

        var region = provider.GetRequiredService<IOptions<RegionOptions>>().Value;
        region.Name.ShouldBe("Veluwe-West");
        region.MunicipalityCodes.ShouldBe(["GM0243", "GM0233", "GM0273"]);
        var results = await TextResolver.From(provider).ResolveAsync("Stationsstraat 12, Harderwijk", TestContext.Current.CancellationToken);
        results.ShouldHaveSingleItem().Place.InRegion.ShouldBeTrue();
    }

    [Fact]
    public async Task AddAdWatchGeocoding_ReplacesDefaultCodes_WhenRegionCodesAreConfigured()
    {
        await using var provider = Build(new() { ["Region:Name"] = "Zeewolde", ["Region:MunicipalityCodes:0"] = "GM0050" });

        await StartAsync(provider);

        provider.GetRequiredService<IOptions<RegionOptions>>().Value.MunicipalityCodes.ShouldBe(["GM0050"]);
        var resolver = TextResolver.From(provider);
        (await resolver.ResolveAsync("in Zeewolde", TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Place.InRegion.ShouldBeTrue();
        (await resolver.ResolveAsync("in Ermelo", TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Place.InRegion.ShouldBeFalse();
    }

    [Theory]
    [InlineData("Region:MunicipalityCodes:0", "0243", "Region:MunicipalityCodes")]
    [InlineData("Region:DataFolder", "no/such/folder", "Region:DataFolder")]
    [InlineData("Region:Name", "", "Region:Name")]
    [InlineData("Geocoding:RequestsPerSecond", "0", "Geocoding:RequestsPerSecond")]
    [InlineData("Geocoding:CacheDays", "0", "Geocoding:CacheDays")]
    [InlineData("Geocoding:BagGebruiksdoelUrl", "verblijfsobject/items", "Geocoding:BagGebruiksdoelUrl")]
    public async Task AddAdWatchGeocoding_FailsAtStartNamingSetting_WhenSettingIsInvalid(string key, string value, string named)
    {
        await using var provider = Build(new() { [key] = value });

        var error = await Should.ThrowAsync<Exception>(() => StartAsync(provider));

        // One invalid option throws directly; Geocoding errors come aggregated, as the PDOK resilience options read them too.
        var messages = error is AggregateException many ? many.InnerExceptions.Select(e => e.Message) : [error.Message];
        messages.ShouldContain(m => m.Contains(named));
    }
}
