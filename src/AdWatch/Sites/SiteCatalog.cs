using Microsoft.Extensions.Options;

namespace AdWatch.Sites;

/// <summary>
/// The loaded site definitions, with run-time base URL overrides applied. Loaded once, lazily, so a broken YAML fails
/// the first use (and <c>ValidateOnStart</c> via <see cref="SitesOptions"/> in the host) with file, line and field.
/// </summary>
public sealed class SiteCatalog(IOptions<SitesOptions> options)
{
    private readonly Lazy<IReadOnlyDictionary<string, SiteDefinition>> _sites = new(() => Load(options.Value));
    private readonly Dictionary<string, SiteDefinition> _added = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyCollection<SiteDefinition> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _sites.Value.Values.Where(s => !_added.ContainsKey(s.Name)), .. _added.Values];
            }
        }
    }

    /// <summary>The definition named <paramref name="name"/>, or null.</summary>
    public SiteDefinition? Find(string name)
    {
        lock (_lock)
        {
            return _added.TryGetValue(name, out var added) ? added : _sites.Value.GetValueOrDefault(name);
        }
    }

    /// <summary>The definition named <paramref name="name"/>; throws naming the known sites when missing.</summary>
    public SiteDefinition Get(string name) => Find(name)
        ?? throw new KeyNotFoundException($"No site '{name}' in {ResolveFolder(options.Value.CrawlersPath)}. Known: {string.Join(", ", All.Select(s => s.Name))}.");

    /// <summary>Adds or replaces a definition at run time (tests, benchmarks, the demo with its dynamic ports).</summary>
    public void Put(SiteDefinition site)
    {
        lock (_lock)
        {
            _added[site.Name] = site;
        }
    }

    /// <summary>The crawlers folder: as given when absolute, else under the working directory, else under the app folder.</summary>
    public static string ResolveFolder(string path) => AppPaths.Resolve(path);

    private static Dictionary<string, SiteDefinition> Load(SitesOptions o)
    {
        var folder = ResolveFolder(o.CrawlersPath);
        var sites = Directory.Exists(folder) ? SiteDefinitionLoader.LoadFolder(folder) : [];
        return sites.Select(s => o.BaseUrlOverrides.TryGetValue(s.Name, out var url) ? s.WithBaseUrl(url) : s)
                    .ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
