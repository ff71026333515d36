using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Sites;

/// <summary>
/// Where the site definitions come from. The keys sit in section <c>Crawling</c> next to the crawler's own settings
/// (<c>Crawling:CrawlersPath</c>, <c>Crawling:BaseUrlOverrides:SITE</c>), as users have always written them.
/// </summary>
public sealed class SitesOptions
{
    public const string Section = "Crawling";

    /// <summary>Folder with the site YAML files; relative paths resolve against the working directory, then the app folder.</summary>
    [Required(ErrorMessage = "Crawling:CrawlersPath must name the folder of the site YAML files.")]
    public string CrawlersPath { get; set; } = "crawlers";

    /// <summary>
    /// Base URL per site name, replacing the YAML <c>baseUrl</c> (demo and test sites on dynamic ports), e.g.
    /// <c>"BaseUrlOverrides": { "demo-html": "http://127.0.0.1:5123/" }</c>.
    /// </summary>
    public Dictionary<string, string> BaseUrlOverrides { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Checks <see cref="SitesOptions"/> at start (generated from its DataAnnotations).</summary>
[OptionsValidator]
public sealed partial class SitesOptionsValidator : IValidateOptions<SitesOptions>;
