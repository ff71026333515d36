using System.ComponentModel.DataAnnotations;
using AdWatch.Web.Security;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Hosting;

/// <summary>
/// The web dashboard: sign-in rules, session length, map tiles, optional single sign-on. Section <c>Dashboard</c> (the name
/// existing configuration files use). Every message names the setting as it is written there.
/// </summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Dashboard";

    /// <summary>
    /// Failed sign-ins in a row of one client after which the account is locked for that client (only) for
    /// <see cref="LockoutMinutes"/>; 1 to 100.
    /// </summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>
    /// Sign-in posts one client (one IP address, an IPv6 /64) may make per minute; more get 429 and are not checked or audited;
    /// 1 to 10000.
    /// </summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a locked account stays locked for the client that failed; 1 to 1440 minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Idle session timeout: the sign-in cookie expires this long after the last request (sliding); 1 to 1440 minutes.</summary>
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>How long the one-time administrator set-up link printed on first start stays valid; 1 to 336 hours.</summary>
    public int SetupLinkHours { get; set; } = 24;

    /// <summary>
    /// Map tile URL template (<c>{z}/{x}/{y}</c>); empty for no basemap. Its host is allowed in the CSP's <c>img-src</c>.
    /// Default: PDOK BRT-Achtergrondkaart.
    /// </summary>
    public string? TileUrl { get; set; } = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png";

    /// <summary>
    /// Folder for the keys that protect sign-in and antiforgery cookies; default: <c>dashboard-keys</c> next to the SQLite file
    /// (<c>data/dashboard-keys</c> on PostgreSQL). Several worker processes must share it, or sessions break between them.
    /// </summary>
    public string? KeysPath { get; set; }

    /// <summary>
    /// Addresses of reverse proxies (TLS terminators) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> AdWatch
    /// believes: behind one, the sign-in cookie is <c>Secure</c> and the client address is the real one. Loopback is always
    /// trusted; headers from any other sender are ignored.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>As <see cref="KnownProxies"/>, as networks in CIDR notation (<c>10.0.0.0/8</c>), e.g. a Kubernetes pod network.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Optional OpenID Connect sign-in (the municipality's single sign-on). Off by default.</summary>
    public OidcOptions OpenIdConnect { get; set; } = new();

    /// <summary>The tile host as a CSP source (<c>https://host</c>), or null without tiles.</summary>
    public string? TileSource() =>
        Uri.TryCreate(TileUrl?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxFailedSignIns is < 1 or > 100)
        {
            yield return new ValidationResult("Dashboard:MaxFailedSignIns must be between 1 and 100.");
        }
        if (SignInAttemptsPerMinute is < 1 or > 10_000)
        {
            yield return new ValidationResult("Dashboard:SignInAttemptsPerMinute must be between 1 and 10000.");
        }
        if (LockoutMinutes is < 1 or > 24 * 60)
        {
            yield return new ValidationResult("Dashboard:LockoutMinutes must be between 1 and 1440.");
        }
        if (IdleTimeoutMinutes is < 1 or > 24 * 60)
        {
            yield return new ValidationResult("Dashboard:IdleTimeoutMinutes must be between 1 and 1440.");
        }
        if (SetupLinkHours is < 1 or > 24 * 14)
        {
            yield return new ValidationResult("Dashboard:SetupLinkHours must be between 1 and 336.");
        }
        if (!string.IsNullOrWhiteSpace(TileUrl) && TileSource() is null)
        {
            yield return new ValidationResult($"Dashboard:TileUrl '{TileUrl}' is not an absolute URL.");
        }
        foreach (var proxy in KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Dashboard:KnownProxies '{proxy}' is not an IP address (e.g. 10.0.0.5).");
        }
        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Dashboard:KnownNetworks '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).");
        }
        foreach (var error in OpenIdConnect.Validate())
        {
            yield return new ValidationResult(error);
        }
    }
}

/// <summary>Checks <see cref="WebOptions"/> (and its <see cref="OidcOptions"/>) at start.</summary>
[OptionsValidator]
public sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;
