using System.Globalization;
using System.Security.Claims;
using AdWatch.Accounts;
using AdWatch.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace AdWatch.Web.Security;

/// <summary>
/// Makes local sessions revocable. The sign-in cookie carries the account's security stamp (<c>users.security_stamp</c>);
/// at most every <see cref="Interval"/> per cookie the account is read again, and the cookie is refused (and deleted) when
/// the account is gone or disabled, its stamp changed (password reset, disable, organisation change, sign-out — so a copied
/// cookie dies with the session it was copied from) or its role or organisation no longer match the cookie.
/// Single sign-on principals (<see cref="OidcClaim"/>) have no <c>users</c> row and are left alone: the identity provider
/// decides about them at their next sign-in, and until then the idle timeout ends their session.
/// </summary>
public sealed class SessionValidator(UserStore users, TimeProvider time)
{
    public const string StampClaim = "adwatch:security_stamp";

    /// <summary>When the cookie's account was last checked (Unix ms).</summary>
    public const string CheckedClaim = "adwatch:checked_at";

    /// <summary>Marks a principal signed in through OpenID Connect (no local account to check).</summary>
    public const string OidcClaim = "adwatch:oidc";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    /// <summary>The claims that tie a cookie to <paramref name="user"/>'s current stamp, checked at <paramref name="now"/>.</summary>
    /// <remarks>
    /// With them a <see cref="ClaimTypes.NameIdentifier"/>: antiforgery binds a form's token to that claim when there is one,
    /// and to all claims otherwise — then the check-time claim, renewed every minute, would make every form sent more than a
    /// minute after the last check a 400.
    /// </remarks>
    public static IEnumerable<Claim> SessionClaims(UserRow user, DateTimeOffset now) =>
        [new(ClaimTypes.NameIdentifier, user.Name), new(StampClaim, user.SecurityStamp), Checked(now)];

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal!;
        if (principal.HasClaim(c => c.Type == OidcClaim))
        {
            return;
        }
        var now = time.GetUtcNow();
        // A check time in the future (the clock was set back) counts as due.
        if (CheckedAt(principal) is { } at && at <= now && now - at < Interval)
        {
            return;
        }
        var name = principal.Identity?.Name;
        var user = name is null ? null : await users.FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null || user.Disabled || principal.FindFirst(StampClaim)?.Value != user.SecurityStamp
            || !principal.IsInRole(user.Role.ToText()) || principal.FindFirst(UserScope.OrganisationClaim)?.Value != user.Organisation)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        // A cookie from before the name-identifier claim gets it now (its open forms fail once, as they did every minute).
        var kept = principal.Claims.Where(c => c.Type != CheckedClaim);
        if (!principal.HasClaim(c => c.Type == ClaimTypes.NameIdentifier))
        {
            kept = kept.Append(new Claim(ClaimTypes.NameIdentifier, user.Name));
        }
        var identity = new ClaimsIdentity(kept.Append(Checked(now)),
            CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        context.ReplacePrincipal(new ClaimsPrincipal(identity));
        context.ShouldRenew = true;
    }

    private static Claim Checked(DateTimeOffset at) => new(CheckedClaim, at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));

    private static DateTimeOffset? CheckedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(CheckedClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
