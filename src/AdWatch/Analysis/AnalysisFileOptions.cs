namespace AdWatch.Analysis;

/// <summary>Where the analysis rules live. Section <c>Analysis</c> in adwatch.json.</summary>
public sealed class AnalysisFileOptions
{
    public const string Section = "Analysis";

    /// <summary>The rules and weights file (see <see cref="AnalysisOptions"/>); relative paths resolve as <see cref="AppPaths.Resolve"/> says. Missing: built-in defaults.</summary>
    public string RulesFile { get; set; } = "config/analysis.yaml";
}
