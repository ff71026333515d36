using System.Reflection;
using System.Text.Json;
using AdWatch.Analysis;
using AdWatch.Browser;
using AdWatch.Crawling;
using AdWatch.Exports;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using AdWatch.Jobs;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using AdWatch.Web.Dossier;
using AdWatch.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace AdWatch.IntegrationTests.Configuration;

/// <summary>
/// config/adwatch.json holds only what differs from the code defaults: a restated default hides which settings a
/// deployment really chose, and a default changed in code would silently not apply. Every key must also be one AdWatch reads.
/// </summary>
public sealed class ConfigFileTests
{
    /// <summary>Each section of adwatch.json and the options classes bound to it.</summary>
    private static readonly Dictionary<string, Type[]> Sections = new(StringComparer.Ordinal)
    {
        ["Storage"] = [typeof(StorageOptions)],
        ["Crawling"] = [typeof(CrawlingOptions), typeof(SitesOptions)],
        ["Browser"] = [typeof(BrowserOptions)],
        ["Region"] = [typeof(RegionOptions)],
        ["Geocoding"] = [typeof(GeocodingOptions)],
        ["Extraction"] = [typeof(ExtractionOptions)],
        ["Analysis"] = [typeof(AnalysisFileOptions)],
        ["Jobs"] = [typeof(JobsOptions)],
        ["Retention"] = [typeof(RetentionOptions)],
        ["Exports"] = [typeof(ExportsOptions)],
        ["Dashboard"] = [typeof(WebOptions), typeof(DossierPageOptions)],
    };

    /// <summary>Framework sections, whose defaults are not ours.</summary>
    private static readonly string[] Framework = ["Logging"];

    [Fact]
    public void EverySetting_InAdwatchJson_IsReadByAdWatch_AndDiffersFromItsDefault()
    {
        var problems = Problems(Path.Combine(RepoPaths.Root, "config", "adwatch.json"));

        problems.ShouldBeEmpty();
    }

    [Fact]
    public void TheCheck_FindsARestatedDefault_AnUnknownKey_AndAnUnknownSection()
    {
        var file = Path.Combine(Path.GetTempPath(), $"adwatch-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            { "Retention": { "AdDays": 180, "AuditDays": 1000 }, "Crawling": { "CrawlersPath": "sites", "BatchSise": 4 },
              "Browser": { "RecycleAfterPages": 100 }, "Mystery": { "Key": 1 } }
            """);
        try
        {
            Problems(file).ShouldBe(
            [
                "Browser:RecycleAfterPages restates the default (100)",
                "Crawling:BatchSise is not a setting of CrawlingOptions, SitesOptions",
                "Mystery is not a section AdWatch reads",
                "Retention:AdDays restates the default (180)",
            ], ignoreOrder: true);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static List<string> Problems(string file)
    {
        var config = new ConfigurationBuilder().AddJsonFile(file).Build();
        var problems = new List<string>();
        foreach (var section in config.GetChildren())
        {
            if (Framework.Contains(section.Key))
            {
                continue;
            }
            if (!Sections.TryGetValue(section.Key, out var types))
            {
                problems.Add($"{section.Key} is not a section AdWatch reads");
                continue;
            }
            foreach (var leaf in section.AsEnumerable(makePathsRelative: true).Where(kv => kv.Value is not null))
            {
                var path = leaf.Key.Split(':');
                var type = types.FirstOrDefault(t => Resolve(t, path) is not null);
                if (type is null)
                {
                    problems.Add($"{section.Key}:{leaf.Key} is not a setting of {string.Join(", ", types.Select(t => t.Name))}");
                    continue;
                }
                var bound = new ConfigurationBuilder().AddInMemoryCollection([new(leaf.Key, leaf.Value)]).Build().Get(type)!;
                var (configured, standard) = (Value(bound, path), Value(Activator.CreateInstance(type)!, path));
                if (configured == standard)
                {
                    problems.Add($"{section.Key}:{leaf.Key} restates the default ({leaf.Value})");
                }
            }
        }
        return problems;
    }

    /// <summary>The property a key path names (list and dictionary entries resolve to their collection), or null.</summary>
    private static PropertyInfo? Resolve(Type type, string[] path)
    {
        PropertyInfo? property = null;
        foreach (var part in path)
        {
            if (property is not null && property.PropertyType != typeof(string)
                && property.PropertyType.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            {
                return property; // an entry of a list or dictionary
            }
            property = type.GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
        }
        return property;
    }

    private static string Value(object options, string[] path)
    {
        object? value = options;
        foreach (var part in path)
        {
            var property = value?.GetType().GetProperty(part, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                break; // inside a collection: compare the whole collection
            }
            value = property.GetValue(value);
        }
        return JsonSerializer.Serialize(value);
    }
}
