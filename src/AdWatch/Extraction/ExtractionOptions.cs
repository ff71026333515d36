using System.ComponentModel.DataAnnotations;

namespace AdWatch.Extraction;

/// <summary>Settings for extraction (configuration section <c>Extraction</c>).</summary>
public sealed class ExtractionOptions
{
    /// <summary>Configuration section these options bind to.</summary>
    public const string Section = "Extraction";

    /// <summary>
    /// The indicator lexicon. A relative path is tried against the working directory first, then against the
    /// application directory (the Web project copies config/ next to the binary).
    /// </summary>
    [Required]
    public string IndicatorsPath { get; set; } = "config/indicators.yaml";

    /// <summary>
    /// Images whose header declares more pixels than this are not decoded (no fingerprint): a 1 kB file can claim
    /// to be 100 000 × 100 000 pixels. 25 megapixels covers every real ad photo.
    /// </summary>
    [Range(1_024, 200_000_000)]
    public int MaxImagePixels { get; set; } = 25_000_000;

    /// <summary>
    /// Keep ad images after fingerprinting. Off by default: a 64-bit hash is enough to link ads that reuse photos,
    /// and not storing the photos of people in ads is the privacy-friendly default.
    /// </summary>
    public bool KeepImages { get; set; }

    /// <summary>The lexicon file to load, resolved as described on <see cref="IndicatorsPath"/>.</summary>
    public string ResolveIndicatorsPath() => AppPaths.Resolve(IndicatorsPath);
}
