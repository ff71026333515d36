using AdWatch.Storage;

namespace AdWatch.Tests.Architecture;

/// <summary>
/// The library's folders follow the data flow (docs/architecture.md): a pipeline stage uses only the stages before it,
/// the cross-cutting folders use no stage, and only the root wiring knows the scheduling layer. Read from the compiled
/// library, so a dependency hidden in a method body counts as much as one in a signature.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The pipeline, in order of the data flow.</summary>
    private static readonly string[] Stages = ["Sites", "Crawling", "Evidence", "Extraction", "Geocoding", "Analysis", "Review", "Enforcement", "Exports", "Alerts"];

    /// <summary>Used by any stage; they depend on no stage (and not in a cycle on one another).</summary>
    private static readonly string[] CrossCutting = ["Storage", "Html", "Browser", "Accounts", "Privacy", "Observability"];

    /// <summary>Scheduling: the chains between stages (crawl then analyse, purge then re-analyse). May use everything.</summary>
    private const string Scheduling = "Jobs";

    /// <summary>Types directly in namespace <c>AdWatch</c>: the one wiring entry and the helpers every folder shares.</summary>
    private const string Root = "(root)";

    private static readonly Lazy<IReadOnlyList<(string From, string To, string FromType, string ToType)>> Edges = new(ReadEdges);

    [Fact]
    public void EveryLibraryFolder_HasAPlaceInTheArchitecture()
    {
        var known = Stages.Concat(CrossCutting).Append(Scheduling).Append(Root).ToHashSet();
        var folders = Folders().ToList();
        folders.ShouldNotBeEmpty();
        folders.Where(f => !known.Contains(f)).ShouldBeEmpty("a new library folder needs its place in ArchitectureTests and docs/architecture.md");
    }

    [Fact]
    public void NoStage_DependsOnALaterStage()
    {
        var violations = Edges.Value
            .Where(e => Array.IndexOf(Stages, e.From) is var from and >= 0 && Array.IndexOf(Stages, e.To) is var to && to > from)
            .ToList();
        Report(violations, "depends on a later pipeline stage");
    }

    [Fact]
    public void CrossCuttingFolders_DependOnNoStage_AndNotOnJobs()
    {
        var violations = Edges.Value
            .Where(e => CrossCutting.Contains(e.From) && (Stages.Contains(e.To) || e.To == Scheduling))
            .ToList();
        Report(violations, "is cross-cutting and may not depend on a stage");
    }

    [Fact]
    public void CrossCuttingFolders_HaveNoCycle()
    {
        var uses = Edges.Value.Where(e => CrossCutting.Contains(e.From) && CrossCutting.Contains(e.To))
            .Select(e => (e.From, e.To)).Distinct().ToList();
        var cycles = uses.Where(u => uses.Contains((u.To, u.From))).Select(u => $"{u.From} ↔ {u.To}").ToList();
        cycles.ShouldBeEmpty();
    }

    [Fact]
    public void OnlyTheRootWiring_UsesTheSchedulingLayer()
    {
        var violations = Edges.Value.Where(e => e.To == Scheduling && e.From is not (Scheduling or Root)).ToList();
        Report(violations, "uses the scheduling layer; enqueue the feature's own job instead");
    }

    [Fact]
    public void DependencyReader_SeesSignaturesAndMethodBodies()
    {
        // The rules above are only as good as the reader: it must see an implemented interface, a constructor parameter
        // and a use inside a method body only (a static call). If it saw nothing, every rule would pass.
        var edges = Edges.Value.Select(e => (e.FromType, e.ToType)).ToHashSet();
        edges.ShouldContain(("AdWatch.Evidence.CaptureStore", "AdWatch.Crawling.ICaptureStore"));
        edges.ShouldContain(("AdWatch.Jobs.RetentionJob", "AdWatch.Analysis.AnalysisRunner"));
        edges.ShouldContain(("AdWatch.AdWatchServiceCollectionExtensions", "AdWatch.Evidence.EvidenceServiceCollectionExtensions"));
    }

    private static void Report(List<(string From, string To, string FromType, string ToType)> violations, string what)
    {
        if (violations.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, violations.GroupBy(v => (v.From, v.To)).Select(g =>
                $"{g.Key.From} → {g.Key.To} {what}: {string.Join("; ", g.Take(5).Select(v => $"{v.FromType} uses {v.ToType}"))}")));
        }
    }

    private static IEnumerable<string> Folders() =>
        typeof(Database).Assembly.GetTypes().Select(t => FolderOf(t.Namespace)).OfType<string>().Distinct();

    private static IReadOnlyList<(string, string, string, string)> ReadEdges() =>
        [.. TypeDependencies.Of(typeof(Database).Assembly.Location)
            .Select(e => (From: FolderOf(NamespaceOf(e.From)), To: FolderOf(NamespaceOf(e.To)), e.From, e.To))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)
            .Select(e => (e.From!, e.To!, e.Item3, e.Item4))];

    private static string NamespaceOf(string fullName) => fullName.LastIndexOf('.') is var dot and > 0 ? fullName[..dot] : "";

    /// <summary>AdWatch.Exports.Zgw → Exports; AdWatch → (root); anything else (generated code) → null.</summary>
    private static string? FolderOf(string? ns) => ns switch
    {
        "AdWatch" => Root,
        not null when ns.StartsWith("AdWatch.", StringComparison.Ordinal) => ns["AdWatch.".Length..].Split('.')[0],
        _ => null,
    };
}
