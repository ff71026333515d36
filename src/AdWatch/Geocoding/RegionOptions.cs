using System.ComponentModel.DataAnnotations;

namespace AdWatch.Geocoding;

/// <summary>The region AdWatch watches. Section <c>Region</c> in adwatch.json.</summary>
public sealed class RegionOptions
{
    public const string Section = "Region";

    /// <summary>The municipalities of Veluwe-West, used when <see cref="MunicipalityCodes"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> VeluweWest = ["GM0243", "GM0233", "GM0273"];

    /// <summary>Display name; also matched in ad text ("regio Veluwe-West") at region precision.</summary>
    [Required(ErrorMessage = "Region:Name is required (e.g. 'Veluwe-West').")]
    public string Name { get; set; } = "Veluwe-West";

    /// <summary>
    /// CBS municipality codes (<c>GM</c> + 4 digits) that make up the region; results elsewhere get <c>inRegion=false</c>.
    /// Default Harderwijk GM0243, Ermelo GM0233, Putten GM0273 (applied when the list is empty, because the
    /// configuration binder appends to list defaults instead of replacing them).
    /// </summary>
    public List<string> MunicipalityCodes { get; set; } = [];

    /// <summary>
    /// Folder with the gazetteer files (see its ATTRIBUTION.md). A relative path is looked up under the working
    /// directory first, then next to the binary (the Web project copies config/ there).
    /// </summary>
    [Required(ErrorMessage = "Region:DataFolder is required (e.g. 'config/region/veluwe-west').")]
    public string DataFolder { get; set; } = "config/region/veluwe-west";

    /// <summary>The data folder as an absolute path, or null when it exists in neither place.</summary>
    public string? ResolveDataFolder() => AppPaths.Resolve(DataFolder) is var folder && Directory.Exists(folder) ? folder : null;
}
