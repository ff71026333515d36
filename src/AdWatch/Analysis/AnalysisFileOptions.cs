using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>Where the analysis rules live. Section <c>Analysis</c> in adwatch.json.</summary>
public sealed class AnalysisFileOptions : IValidatableObject
{
    public const string Section = "Analysis";

    /// <summary>The rules and weights file (see <see cref="AnalysisOptions"/>); relative paths resolve as <see cref="AppPaths.Resolve"/> says. It must exist: a missing file is a configuration error, not a silent fall-back to the defaults.</summary>
    public string RulesFile { get; set; } = "config/analysis.yaml";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(RulesFile))
        {
            yield return new ValidationResult("Analysis:RulesFile must name a file (default config/analysis.yaml).");
        }
        else if (AppPaths.Resolve(RulesFile) is var path && !File.Exists(path))
        {
            // Falling back to the built-in defaults would silently drop the licensed-venue list and the tuned weights.
            yield return new ValidationResult($"Analysis:RulesFile names {path}, which does not exist; fix the path or restore the file.");
        }
    }
}

/// <summary>Checks <see cref="AnalysisFileOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class AnalysisFileOptionsValidator : IValidateOptions<AnalysisFileOptions>;
