using System.ComponentModel.DataAnnotations;
using AdWatch.Accounts;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Dossier;

/// <summary>Settings of the analyst pages, in section <c>Dashboard</c> next to <see cref="WebOptions"/>.</summary>
public sealed class DossierPageOptions : IValidatableObject
{
    /// <summary>
    /// Comma-separated roles that may see ad images (blurred until clicked). Other roles get neither the images nor the
    /// image endpoint. Default: <c>analyst,coordinator,admin</c>.
    /// </summary>
    public string ImageRoles { get; set; } = "analyst,coordinator,admin";

    public IReadOnlyList<string> ImageRoleList() =>
        [.. ImageRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public bool MaySeeImages(System.Security.Claims.ClaimsPrincipal user) => ImageRoleList().Any(user.IsInRole);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ImageRoleList().All(r => UserStore.Roles.Contains(r)))
        {
            yield return new ValidationResult("Dashboard:ImageRoles must list only the roles analyst, coordinator and admin, separated by commas.");
        }
    }
}

/// <summary>Checks <see cref="DossierPageOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class DossierPageOptionsValidator : IValidateOptions<DossierPageOptions>;
