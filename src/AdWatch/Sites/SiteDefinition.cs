namespace AdWatch.Sites;

/// <summary>
/// One crawled site, loaded from <c>crawlers/NAME.yaml</c>. A site is data, not code: every field is documented in
/// <c>crawlers/README.md</c>. Loaded by <see cref="SiteDefinitionLoader"/>, which validates it and reports file, line and field.
/// </summary>
public sealed class SiteDefinition
{
    /// <summary>Unique lower-case name, also the key in the <c>sites</c> table.</summary>
    public string Name { get; set; } = "";

    /// <summary>Absolute base URL; relative start URLs resolve against it. May be overridden at run time (dynamic ports).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Hosts the crawler may fetch from. The base URL's host is always allowed.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>A test or demo site on loopback: only then may private and loopback addresses be fetched.</summary>
    public bool Local { get; set; }

    /// <summary>
    /// The site's own wording in ad titles: its name and fixed title parts ("Kontaktbord", "Escort Harderwijk"), as in a title
    /// "Kontaktbord – Sofia". Extraction cuts them out of the title before it looks for the advertiser's name, so they are never
    /// read as one, and out of the text fingerprint, so they make no two ads look alike. Matched case-insensitively.
    /// </summary>
    public List<string> TitleBoilerplate { get; set; } = [];

    public ScheduleRule Schedule { get; set; } = new();
    public FetchRule Fetch { get; set; } = new();
    public ListingRule Listing { get; set; } = new();
    public AdRule Ad { get; set; } = new();
    public DetectorSet Detectors { get; set; } = new();
    public PolitenessRule Politeness { get; set; } = new();
    public RobotsRule Robots { get; set; } = new();
    public LimitsRule Limits { get; set; } = new();
    public HealthRule Health { get; set; } = new();

    /// <summary>The YAML file this was loaded from (for error messages); null for generic/import-only sites.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? SourceFile { get; set; }

    /// <summary>SHA-256 of the YAML text, stored in <c>sites.definition_hash</c>.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string? DefinitionHash { get; set; }

    /// <summary>The base URL as a <see cref="Uri"/>.</summary>
    public Uri BaseUri() => new(BaseUrl, UriKind.Absolute);

    /// <summary>True when <paramref name="url"/> is on one of the site's allowed hosts (or the base URL's host).</summary>
    public bool IsAllowedHost(Uri url)
    {
        var host = url.Host;
        if (string.Equals(host, BaseUri().Host, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return AllowedHosts.Any(h => string.Equals(h, host, StringComparison.OrdinalIgnoreCase)
            || (h.StartsWith("*.", StringComparison.Ordinal) && host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// A deep copy with another base URL (same path rules); used for demo and test sites on dynamic ports. Deep, so
    /// tweaking the copy (e.g. <c>Politeness.DelayMs</c>) never changes the loaded definition.
    /// </summary>
    public SiteDefinition WithBaseUrl(string baseUrl)
    {
        var copy = System.Text.Json.JsonSerializer.Deserialize<SiteDefinition>(System.Text.Json.JsonSerializer.Serialize(this))!;
        copy.BaseUrl = baseUrl;
        return copy;
    }

    /// <summary>A definition for pages of an unknown site: no selectors, the generic extractor reads visible text.</summary>
    public static SiteDefinition Generic(string name) => new() { Name = name, Fetch = new FetchRule { Mode = FetchMode.Import } };
}
