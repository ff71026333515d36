using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;

namespace AdWatch.Web.Security;

/// <summary>Sign-in, roles, antiforgery and headers for the dashboard.</summary>
internal static class SecuritySetup
{
    public const string SignInPath = "/account/signin";

    public static void AddDashboardSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<WebOptions, WebOptionsValidator>(builder.Configuration, WebOptions.Section);
        var dashboard = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
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
                o.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(c);
            });
        if (oidc.Enabled)
        {
            auth.AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, oidc.DisplayName, o => OidcSetup.Configure(o, oidc));
        }
        services.AddAuthorization(Policies.Add);
        // Persisted keys keep users signed in across restarts; without this a service account with no home folder would
        // get new keys on every start.
        services.AddDataProtection().SetApplicationName("AdWatch")
            .PersistKeysToFileSystem(new DirectoryInfo(KeysFolder(dashboard, builder.Configuration)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "adwatch.xsrf";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Behind a TLS proxy the request reaches us as plain HTTP; the proxy's X-Forwarded-Proto makes the cookies Secure.
        // Only the proxies named here (and loopback, the default) are believed, so a client cannot claim HTTPS or another
        // address.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in dashboard.KnownProxies)
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
            foreach (var network in dashboard.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddSignInThrottle();
        services.AddSingleton<PasswordSignIn>();
        services.AddSingleton<SessionValidator>();
        services.AddSingleton<UserScope>();
        services.AddHostedService<SetupLinkAnnouncer>();
    }

    private static string KeysFolder(WebOptions dashboard, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(dashboard.KeysPath))
        {
            return Path.GetFullPath(dashboard.KeysPath);
        }
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataFolder = storage.IsPostgres ? "data" : Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath)) ?? "data";
        return Path.Combine(Path.GetFullPath(dataFolder), "dashboard-keys");
    }
}
