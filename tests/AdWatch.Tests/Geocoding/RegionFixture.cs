using AdWatch.Extraction;
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

    private static readonly Lazy<Gazetteer> LoadedGazetteer = new(() => Gazetteer.Load(Options()));

    private static readonly Lazy<TextResolver> Resolver = new(() =>
        new TextResolver(new AddressExtractor(LoadedGazetteer.Value), new GazetteerGeocoder(LoadedGazetteer.Value)));

    /// <summary>Absolute path of config/region/veluwe-west in this checkout.</summary>
    public static string DataFolder => Folder.Value;

    /// <summary>Region options pointing at the repository's data (default Veluwe-West municipalities).</summary>
    public static RegionOptions Options() => new() { DataFolder = DataFolder, MunicipalityCodes = [.. RegionOptions.VeluweWest] };

    /// <summary>Address extraction and offline geocoding (gazetteer only, no PDOK), shared because both are immutable.</summary>
    public static TextResolver OfflineResolver() => Resolver.Value;

    /// <summary>The address extractor of the repository's region.</summary>
    public static AddressExtractor Addresses() => Resolver.Value.Extractor;

    /// <summary>The offline geocoder of the repository's region.</summary>
    public static IGeocoder OfflineGeocoder() => Resolver.Value.Geocoder;

    internal static Gazetteer LoadGazetteer() => LoadedGazetteer.Value;
}
