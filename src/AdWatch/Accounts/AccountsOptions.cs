using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Accounts;

/// <summary>Where the organisations live. Section <c>Accounts</c> in adwatch.json.</summary>
public sealed class AccountsOptions : IValidatableObject
{
    public const string Section = "Accounts";

    /// <summary>The organisations file (see <see cref="Organisations"/>); relative paths resolve as <see cref="AppPaths.Resolve"/> says.</summary>
    public string OrganisationsFile { get; set; } = "config/organisations.yaml";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(OrganisationsFile))
        {
            yield return new ValidationResult("Accounts:OrganisationsFile must name a file (default config/organisations.yaml).");
        }
    }
}

/// <summary>Checks <see cref="AccountsOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class AccountsOptionsValidator : IValidateOptions<AccountsOptions>;
