using AdWatch.Accounts;
namespace AdWatch.Web.Security;

/// <summary>OpenID Connect settings, section <c>Dashboard:OpenIdConnect</c>. Configuration only: no code per identity provider.</summary>
public sealed class OidcOptions
{
    /// <summary>Turns the "sign in with your organisation" button and the <c>oidc</c> scheme on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The identity provider's issuer URL (HTTPS), e.g. <c>https://login.example-gemeente.nl/realms/adwatch</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>This application's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret; better given as the environment variable ADWATCH__Dashboard__OpenIdConnect__ClientSecret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Display name on the button.</summary>
    public string DisplayName { get; set; } = "Inloggen met uw organisatie";

    /// <summary>The claim in the provider's token that carries the role (e.g. <c>roles</c> or <c>groups</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The claim in the provider's token that carries the user's organisation key (config/organisations.yaml). Absent or
    /// unknown: the user signs in but sees no dossier.
    /// </summary>
    public string OrganisationClaim { get; set; } = "organisation";

    /// <summary>
    /// Provider role/group value → AdWatch role (analyst, coordinator, admin). Users with none of the mapped values are refused.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The configuration problems, each naming its setting; empty when valid or disabled.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return "Dashboard:OpenIdConnect:Authority must be an absolute https URL when OpenIdConnect is enabled.";
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Dashboard:OpenIdConnect:ClientId is required when OpenIdConnect is enabled.";
        }
        if (string.IsNullOrWhiteSpace(RoleClaim))
        {
            yield return "Dashboard:OpenIdConnect:RoleClaim is required when OpenIdConnect is enabled.";
        }
        if (RoleMap.Count == 0)
        {
            yield return "Dashboard:OpenIdConnect:RoleMap needs at least one entry (provider value → analyst|coordinator|admin).";
        }
        foreach (var (from, to) in RoleMap.Where(m => !AdWatch.Accounts.UserStore.Roles.Contains(m.Value)))
        {
            yield return $"Dashboard:OpenIdConnect:RoleMap:{from} maps to '{to}'; allowed: {string.Join(", ", AdWatch.Accounts.UserStore.Roles)}.";
        }
    }
}
