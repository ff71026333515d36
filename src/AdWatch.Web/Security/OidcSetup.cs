using System.Security.Claims;
using AdWatch.Accounts;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace AdWatch.Web.Security;

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
            var name = principal.Identity?.Name ?? principal.FindFirst("sub")?.Value ?? "unknown";
            if (role is null)
            {
                context.Fail("No AdWatch role is mapped for this user.");
                return context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                    .WriteAsync(name, "sign_in_failed", "user", name, "openid connect: no mapped role", context.HttpContext.RequestAborted);
            }
            // No users row to check the session against: SessionValidator leaves principals with this claim alone.
            // The name identifier keeps antiforgery tokens bound to the account rather than to all claims (see SessionValidator).
            var claims = new List<Claim>
            {
                new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Role, role), new(SessionValidator.OidcClaim, "true"),
            };
            var organisation = principal.FindFirst(settings.OrganisationClaim)?.Value;
            if (context.HttpContext.RequestServices.GetRequiredService<Organisations>().Find(organisation) is { } known)
            {
                claims.Add(new Claim(UserScope.OrganisationClaim, known.Key));
            }
            var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
            context.Principal = new ClaimsPrincipal(identity);
            return context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                .WriteAsync(name, "sign_in", "user", name, $"openid connect as {role}", context.HttpContext.RequestAborted);
        };
        o.Events.OnAuthenticationFailed = context =>
            context.HttpContext.RequestServices.GetRequiredService<AuditLog>()
                .WriteAsync("openid-connect", "sign_in_failed", "user", null, context.Exception.Message, context.HttpContext.RequestAborted);
    }

    /// <summary>The highest AdWatch role any of <paramref name="provided"/> maps to, or null.</summary>
    public static string? MapRole(IReadOnlySet<string> provided, IReadOnlyDictionary<string, string> map) =>
        map.Where(m => provided.Contains(m.Key)).Select(m => m.Value)
            .OrderByDescending(r => UserStore.Roles.ToList().IndexOf(r)).FirstOrDefault();
}
