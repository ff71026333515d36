using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Sites;

/// <summary>
/// Where the site definitions come from. The keys sit in section <c>Crawling</c> next to the crawler's own settings
/// (<c>Crawling:CrawlersPath</c>, <c>Crawling:BaseUrlOverrides:SITE</c>), as users have always written them.
/// </summary>
public sealed class SitesOptions : IValidatableObject
{
    public const string Section = "Crawling";

    /// <summary>Folder with the site YAML files; relative paths resolve against the working directory, then the app folder.</summary>
    public string CrawlersPath { get; set; } = "crawlers";

    /// <summary>
    /// Base URL per site name, replacing the YAML <c>baseUrl</c> (demo and test sites on dynamic ports), e.g.
    /// <c>"BaseUrlOverrides": { "demo-html": "http://127.0.0.1:5123/" }</c>.
    /// </summary>
    public Dictionary<string, string> BaseUrlOverrides { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => new[]
    {
        ValidatedOptions.Required("Crawling:CrawlersPath", CrawlersPath, "the folder of the site YAML files."),
    }.OfType<ValidationResult>();
}

/// <summary>Checks <see cref="SitesOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class SitesOptionsValidator : IValidateOptions<SitesOptions>;
