using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Browser;

/// <summary>The one Chromium that crawls JavaScript sites and prints dossier PDFs. Section <c>Browser</c>.</summary>
public sealed class BrowserOptions : IValidatableObject
{
    public const string Section = "Browser";

    /// <summary>Chromium executable. Empty: <c>/usr/lib/chromium/chromium</c> when present, else Playwright's own install.</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>The crawler asks for a fresh Chromium after this many pages (Chromium grows over time).</summary>
    public int RecycleAfterPages { get; set; } = 100;

    /// <summary>
    /// How many users may hold this process's Chromium at once (a crawl of a JavaScript site holds it for the crawl, a
    /// dossier PDF for one print); one more waits. Bounds the browser's memory per worker process.
    /// </summary>
    public int MaxLeases { get; set; } = 4;

    /// <summary>
    /// Chromium's sandbox, which keeps a hostile page's exploit inside the renderer. On by default; off only where it
    /// cannot run: as root (Chromium refuses to start sandboxed as root) or in a container without user namespaces.
    /// </summary>
    public bool Sandbox { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RecycleAfterPages is < 1 or > 100_000)
        {
            yield return new ValidationResult("Browser:RecycleAfterPages must be between 1 and 100000.");
        }
        if (MaxLeases is < 1 or > 64)
        {
            yield return new ValidationResult("Browser:MaxLeases must be between 1 and 64.");
        }
    }
}

/// <summary>Checks <see cref="BrowserOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class BrowserOptionsValidator : IValidateOptions<BrowserOptions>;
