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
    /// Keep a re-encoded copy of each ad image as evidence (<see cref="ImageReencoder"/>: no metadata, bounded size), so
    /// the dossier shows photos without contacting the ad site, also after the ad is gone; the retention purge deletes a
    /// copy once no remaining ad uses it. Off: images are only hashed and the dossier shows none.
    /// </summary>
    public bool KeepImages { get; set; } = true;

    /// <summary>A re-encoded image larger than this (bytes) is not kept; the problem is recorded with its hash.</summary>
    public int MaxStoredImageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Kept images are shrunk to at most this many pixels on their longer side.</summary>
    public int MaxStoredImageSide { get; set; } = 2048;

    /// <summary>
    /// The <c>tesseract</c> binary that reads phones written in ad images. Empty: the first <c>tesseract</c> on PATH.
    /// Without one, images are still hashed but no phones are read from them (one warning is logged).
    /// </summary>
    public string? TesseractPath { get; set; }

    /// <summary>
    /// How long OCR of one image may take, all attempts together; the tesseract process tree is killed after it. A crafted
    /// image must not stall the extraction pass.
    /// </summary>
    public int OcrTimeoutSeconds { get; set; } = 10;

    /// <summary>Images larger than this many bytes are not OCRed (they are still hashed): ad images with a phone on them are small.</summary>
    public int MaxOcrImageBytes { get; set; } = 5_000_000;

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
        if (MaxStoredImageBytes is < 16_384 or > 50 * 1024 * 1024)
        {
            yield return new ValidationResult($"Extraction:MaxStoredImageBytes must be between 16384 and 52428800 (it is {MaxStoredImageBytes}).");
        }
        if (MaxStoredImageSide is < 64 or > 8192)
        {
            yield return new ValidationResult($"Extraction:MaxStoredImageSide must be between 64 and 8192 (it is {MaxStoredImageSide}).");
        }
        if (OcrTimeoutSeconds is < 1 or > 300)
        {
            yield return new ValidationResult("Extraction:OcrTimeoutSeconds must be between 1 and 300.");
        }
        if (MaxOcrImageBytes is < 1_024 or > 100_000_000)
        {
            yield return new ValidationResult("Extraction:MaxOcrImageBytes must be between 1024 and 100000000.");
        }
        if (!string.IsNullOrWhiteSpace(TesseractPath) && !File.Exists(TesseractPath))
        {
            yield return new ValidationResult($"Extraction:TesseractPath '{TesseractPath}': file not found (apt-get install tesseract-ocr, or leave it empty to use PATH).");
        }
    }
}

/// <summary>Checks <see cref="ExtractionOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class ExtractionOptionsValidator : IValidateOptions<ExtractionOptions>;
