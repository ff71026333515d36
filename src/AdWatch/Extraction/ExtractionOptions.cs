using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Extraction;

/// <summary>Settings for extraction (configuration section <c>Extraction</c>).</summary>
public sealed class ExtractionOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind to.</summary>
    public const string Section = "Extraction";

    /// <summary>
    /// The indicator lexicon. A relative path is tried against the working directory first, then against the
    /// application directory (the Web project copies config/ next to the binary).
    /// </summary>
    public string IndicatorsPath { get; set; } = "config/indicators.yaml";

    /// <summary>
    /// Images whose header declares more pixels than this are not decoded (no fingerprint): a 1 kB file can claim
    /// to be 100 000 × 100 000 pixels. 25 megapixels covers every real ad photo.
    /// </summary>
    public int MaxImagePixels { get; set; } = 25_000_000;

    /// <summary>
    /// Keep ad images after fingerprinting. Off by default: a 64-bit hash is enough to link ads that reuse photos,
    /// and not storing the photos of people in ads is the privacy-friendly default.
    /// </summary>
    public bool KeepImages { get; set; }

    /// <summary>The lexicon file to load, resolved as described on <see cref="IndicatorsPath"/>.</summary>
    public string ResolveIndicatorsPath() => AppPaths.Resolve(IndicatorsPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(IndicatorsPath))
        {
            yield return new ValidationResult("Extraction:IndicatorsPath is required (e.g. 'config/indicators.yaml').");
        }
        else if (!File.Exists(ResolveIndicatorsPath()))
        {
            yield return new ValidationResult($"Extraction:IndicatorsPath '{IndicatorsPath}': indicator lexicon file not found.");
        }
        if (MaxImagePixels is < 1_024 or > 200_000_000)
        {
            yield return new ValidationResult("Extraction:MaxImagePixels must be between 1024 and 200000000.");
        }
    }
}

/// <summary>Checks <see cref="ExtractionOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class ExtractionOptionsValidator : IValidateOptions<ExtractionOptions>;
