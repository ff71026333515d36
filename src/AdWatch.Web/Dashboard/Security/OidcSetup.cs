using System.Security.Claims;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AdWatch.Web.Dashboard.Security;

/// <summary>
/// Optional single sign-on. The provider's role or group claim is mapped to exactly one AdWatch role (the highest mapped);
/// a user with no mapped value is refused, so an organisation-wide login does not open the dashboard to everyone.
/// </summary>
internal static class OidcSetup
{
    public static void Configure(OpenIdConnectOptions o, OidcOptions settings)
    {
        o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        o.Authority = settings.Authority;
        o.ClientId = settings.ClientId;
        o.ClientSecret = settings.ClientSecret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.UsePkce = true;
        o.SaveTokens = false;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.CallbackPath = "/signin-oidc";
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.TokenValidationParameters.NameClaimType = "preferred_username";
        o.Events.OnTokenValidated = context =>
        {
            var principal = context.Principal!;
            var provided = principal.FindAll(settings.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var role = MapRole(provided, settings.RoleMap);
            if (role is null)
            {
                context.Fail("No AdWatch role is mapped for this user.");
                return Task.CompletedTask;
            }
            var name = principal.Identity?.Name ?? principal.FindFirst("sub")?.Value ?? "unknown";
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
                CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
            context.Principal = new ClaimsPrincipal(identity);
            return Task.CompletedTask;
        };
    }

    /// <summary>The highest AdWatch role any of <paramref name="provided"/> maps to, or null.</summary>
    public static string? MapRole(IReadOnlySet<string> provided, IReadOnlyDictionary<string, string> map) =>
        map.Where(m => provided.Contains(m.Key)).Select(m => m.Value)
            .OrderByDescending(r => UserStore.Roles.ToList().IndexOf(r)).FirstOrDefault();
}
