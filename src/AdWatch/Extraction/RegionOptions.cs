using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AdWatch.Extraction;

/// <summary>
/// The region AdWatch watches. Section <c>Region</c> in adwatch.json. Extraction recognises its place names and
/// postcodes (the <see cref="Gazetteer"/> in <see cref="DataFolder"/>); geocoding and analysis read it later.
/// </summary>
public sealed partial class RegionOptions : IValidatableObject
{
    public const string Section = "Region";

    /// <summary>The municipalities of Veluwe-West, used when <see cref="MunicipalityCodes"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> VeluweWest = ["GM0243", "GM0233", "GM0273"];

    /// <summary>Display name; also matched in ad text ("regio Veluwe-West") at region precision.</summary>
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
    public string DataFolder { get; set; } = "config/region/veluwe-west";

    /// <summary>The data folder as an absolute path, or null when it exists in neither place.</summary>
    public string? ResolveDataFolder() => AppPaths.Resolve(DataFolder) is var folder && Directory.Exists(folder) ? folder : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return new ValidationResult("Region:Name is required (e.g. 'Veluwe-West').");
        }
        foreach (var code in MunicipalityCodes)
        {
            if (code is null || !Code().IsMatch(code))
            {
                yield return new ValidationResult($"Region:MunicipalityCodes contains '{code}'; expected a CBS code like 'GM0243'.");
            }
        }
        if (string.IsNullOrWhiteSpace(DataFolder))
        {
            yield return new ValidationResult("Region:DataFolder is required (e.g. 'config/region/veluwe-west').");
        }
        else if (ResolveDataFolder() is null)
        {
            yield return new ValidationResult(
                $"Region:DataFolder '{DataFolder}' was found neither under {Directory.GetCurrentDirectory()} nor under {AppContext.BaseDirectory}.");
        }
    }

    [GeneratedRegex("^GM[0-9]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Code();
}

/// <summary>Checks <see cref="RegionOptions"/> at start: real municipality codes and a data folder that exists.</summary>
[OptionsValidator]
public sealed partial class RegionOptionsValidator : IValidateOptions<RegionOptions>;
