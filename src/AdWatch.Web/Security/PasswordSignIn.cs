using System.Security.Claims;
using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Security;

/// <summary>
/// Local-account sign-in: password check with <see cref="PasswordHasher{TUser}"/>, lockout after repeated failures of one
/// client (<see cref="ClientKey"/>) for that client only, disabled accounts refused, every attempt that passes the throttle
/// (<see cref="SignInThrottle"/>) audited. Unknown names cost a hash verification too, so timing does not tell.
/// </summary>
public sealed class PasswordSignIn(UserStore users, AuditLog audit, IOptions<WebOptions> options, TimeProvider time)
{
    /// <summary>Claim holding the previous visit (Unix ms), read by the overview's "new since your last visit".</summary>
    public const string PreviousVisitClaim = "adwatch:previous_visit";

    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword("nobody", "not-a-real-password-at-all");

    public async Task<PasswordSignInResult> SignInAsync(HttpContext http, string name, string password, CancellationToken ct)
    {
        name = name.Trim();
        var now = time.GetUtcNow();
        var user = name.Length == 0 ? null : await users.FindAsync(name, ct);
        if (user?.PasswordHash is null)
        {
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            await audit.WriteAsync(Actor(name), "sign_in_failed", "user", Actor(name), "unknown account", ct);
            return PasswordSignInResult.Failed;
        }
        // Failures count per account and client, and a lockout holds for the client that failed only: an attacker who tries
        // an account's passwords locks out himself, not the account's owner signing in from elsewhere.
        var client = ClientKey.Of(http);
        var o = options.Value;
        var forgetAfter = TimeSpan.FromMinutes(o.LockoutMinutes);
        if (await users.LockedUntilAsync(user.Name, client, now, ct) is { } until)
        {
            Hasher.VerifyHashedPassword(name, DummyHash, password);
            await audit.WriteAsync(user.Name, "sign_in_failed", "user", user.Name, $"locked for this client until {until:u}", ct);
            return PasswordSignInResult.Failed;
        }
        var verdict = Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedSignInAsync(user.Name, client, o.MaxFailedSignIns, now, now.AddMinutes(o.LockoutMinutes), forgetAfter, ct);
            await audit.WriteAsync(user.Name, "sign_in_failed", "user", user.Name, "wrong password", ct);
            return PasswordSignInResult.Failed;
        }
        if (user.Disabled)
        {
            await audit.WriteAsync(user.Name, "sign_in_failed", "user", user.Name, "account disabled", ct);
            return PasswordSignInResult.Failed;
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { SecurityStamp = await users.SetPasswordHashAsync(user.Name, Hasher.HashPassword(user.Name, password), ct) };
        }
        await users.ClearFailedSignInsAsync(user.Name, client, now, forgetAfter, ct);
        await users.RecordSignInAsync(user.Name, now, ct);
        await IssueCookieAsync(http, user, now);
        await audit.WriteAsync(user.Name, "sign_in", "user", user.Name, "password", ct);
        return PasswordSignInResult.Succeeded;
    }

    /// <summary>
    /// Signs <paramref name="user"/> in with the cookie scheme (also used right after the first-run set-up). The organisation
    /// key goes into <see cref="UserScope.OrganisationClaim"/>; without one the user sees no dossier. The security stamp makes
    /// the session revocable (<see cref="SessionValidator"/>).
    /// </summary>
    public static Task IssueCookieAsync(HttpContext http, UserRow user, DateTimeOffset now)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(ClaimTypes.Role, user.Role.ToText()) };
        claims.AddRange(SessionValidator.SessionClaims(user, now));
        if (user.Organisation is { } organisation)
        {
            claims.Add(new Claim(UserScope.OrganisationClaim, organisation));
        }
        if (user.LastVisitAt is { } visit)
        {
            claims.Add(new Claim(PreviousVisitClaim, visit.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        return http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Hashes a new password the same way sign-in verifies it.</summary>
    public static string Hash(string name, string password) => Hasher.HashPassword(name, password);

    // A typed-in name goes into the audit log; keep it short so the log cannot be flooded through the sign-in form.
    private static string Actor(string name) => name.Length <= 64 ? name : name[..64];
}
