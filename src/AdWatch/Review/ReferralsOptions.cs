using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Review;

/// <summary>Where the referral information lives. Section <c>Referrals</c> in adwatch.json.</summary>
public sealed class ReferralsOptions : IValidatableObject
{
    public const string Section = "Referrals";
    public const string DefaultFile = "config/referrals.yaml";

    /// <summary>The referrals file (see <see cref="ReferralsLoader"/>); relative paths resolve as <see cref="AppPaths.Resolve"/> says.</summary>
    public string File { get; set; } = DefaultFile;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ValidatedOptions.Required("Referrals:File", File, $"the referrals file (default {DefaultFile})") is { } problem)
        {
            yield return problem;
        }
    }
}

/// <summary>Checks <see cref="ReferralsOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class ReferralsOptionsValidator : IValidateOptions<ReferralsOptions>;
