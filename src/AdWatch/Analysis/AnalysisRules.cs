using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>
/// The analysis rules file (<c>Analysis:RulesFile</c>, resolved as <see cref="AppPaths.Resolve"/> says) and what it holds. Every
/// reader of analysis.yaml goes through this, so the runner and the pages read the same file. <see cref="Load"/> reads it again
/// each time: an edited file counts from the next run on, without a restart.
/// </summary>
public sealed class AnalysisRules(IOptions<AnalysisFileOptions> files)
{
    /// <summary>The rules file as an absolute path (checked to exist at start, see <see cref="AnalysisFileOptions"/>).</summary>
    public string FilePath => AppPaths.Resolve(files.Value.RulesFile);

    /// <summary>The rules in the file, validated; the defaults when there is no file.</summary>
    /// <exception cref="AnalysisConfigException">The file is not valid; the message names file, line and setting.</exception>
    public AnalysisOptions Load() => AnalysisOptionsLoader.Load(FilePath);

    /// <summary>The licensed-venues file the rules name, relative to the rules file; null when none is configured.</summary>
    public string? VenuesFile(AnalysisOptions options) => string.IsNullOrWhiteSpace(options.LicensedVenues) ? null
        : Path.Combine(Path.GetDirectoryName(FilePath) ?? ".", options.LicensedVenues);
}
