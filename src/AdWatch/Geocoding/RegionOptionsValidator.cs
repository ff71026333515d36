using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AdWatch.Geocoding;

/// <summary>Checks at start that the region names real municipality codes and a data folder that exists.</summary>
internal sealed class RegionOptionsValidator : IValidateOptions<RegionOptions>
{
    private static readonly Regex Code = new("^GM[0-9]{4}$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    public ValidateOptionsResult Validate(string? name, RegionOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Name))
        {
            errors.Add("Region:Name is required (e.g. 'Veluwe-West').");
        }
        foreach (var code in options.MunicipalityCodes)
        {
            if (code is null || !Code.IsMatch(code))
            {
                errors.Add($"Region:MunicipalityCodes contains '{code}'; expected a CBS code like 'GM0243'.");
            }
        }
        if (options.ResolveDataFolder() is null)
        {
            errors.Add($"Region:DataFolder '{options.DataFolder}' was found neither under {Directory.GetCurrentDirectory()} nor under {AppContext.BaseDirectory}.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
