using AdWatch.Dashboard;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;

namespace AdWatch.Web.Dashboard.Security;

/// <summary>Sign-in, roles, antiforgery and headers for the dashboard.</summary>
internal static class SecuritySetup
{
    public const string SignInPath = "/account/signin";

    public static void AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DashboardOptions>().Bind(builder.Configuration.GetSection(DashboardOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var dashboard = builder.Configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        var oidc = dashboard.OpenIdConnect;

        var auth = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = SignInPath;
                o.LogoutPath = "/account/signout";
                o.AccessDeniedPath = "/account/denied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(dashboard.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Cookie.Name = "adwatch.auth";
                o.Cookie.HttpOnly = true;
                // Strict breaks the redirect back from an identity provider, so single sign-on needs Lax.
                o.Cookie.SameSite = oidc.Enabled ? SameSiteMode.Lax : SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, o => OidcSetup.Configure(o, oidc));
        }
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "adwatch.xsrf";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAdWatchDashboard();
        services.AddSingleton<PasswordSignIn>();
        services.AddHostedService<SetupLinkAnnouncer>();
    }
}
