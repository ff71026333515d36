using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Analysis;

/// <summary>Where the analysis rules live. Section <c>Analysis</c> in adwatch.json.</summary>
public sealed class AnalysisFileOptions : IValidatableObject
{
    public const string Section = "Analysis";

    /// <summary>The rules and weights file (see <see cref="AnalysisOptions"/>); relative paths resolve as <see cref="AppPaths.Resolve"/> says. Missing: built-in defaults.</summary>
    public string RulesFile { get; set; } = "config/analysis.yaml";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(RulesFile))
        {
            yield return new ValidationResult("Analysis:RulesFile must name a file (default config/analysis.yaml).");
        }
    }
}

/// <summary>Checks <see cref="AnalysisFileOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class AnalysisFileOptionsValidator : IValidateOptions<AnalysisFileOptions>;
