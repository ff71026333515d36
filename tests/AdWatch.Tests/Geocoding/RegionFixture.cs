using AdWatch.Geocoding;

namespace AdWatch.Tests.Geocoding;

/// <summary>The repository's own Veluwe-West region data, loaded once for all tests.</summary>
public static class RegionFixture
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
            {
                return Path.Combine(dir.FullName, "config", "region", "veluwe-west");
            }
        }
        throw new DirectoryNotFoundException("AdWatch.sln not found above " + AppContext.BaseDirectory);
    });

    private static readonly Lazy<AddressResolver> Resolver = new(() => AddressResolver.CreateOffline(Options()));

    private static readonly Lazy<Gazetteer> LoadedGazetteer = new(() => Gazetteer.Load(Options()));

    /// <summary>Absolute path of config/region/veluwe-west in this checkout.</summary>
    public static string DataFolder => Folder.Value;

    /// <summary>Region options pointing at the repository's data (default Veluwe-West municipalities).</summary>
    public static RegionOptions Options() => new() { DataFolder = DataFolder, MunicipalityCodes = [.. RegionOptions.VeluweWest] };

    /// <summary>An offline resolver (gazetteer only, no PDOK), shared because it is immutable.</summary>
    public static IAddressResolver OfflineResolver() => Resolver.Value;

    internal static Gazetteer LoadGazetteer() => LoadedGazetteer.Value;
}
