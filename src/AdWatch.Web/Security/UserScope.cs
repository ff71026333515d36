using System.Globalization;
using System.Security.Claims;
using AdWatch.Accounts;
using AdWatch.Privacy;

namespace AdWatch.Web.Security;

/// <summary>
/// The signed-in user's <see cref="AccessScope"/>: the organisation key the sign-in put in <see cref="OrganisationClaim"/>,
/// looked up in <see cref="Organisations"/> (no claim or an unknown key: <see cref="AccessScope.Nothing"/>). Refusals go to the
/// audit log as <c>access_refused</c> naming the user, the target and why; the page then answers 404, as for a missing target.
/// </summary>
public sealed class UserScope(Organisations organisations, AuditLog audit)
{
    /// <summary>Claim holding the key of the user's organisation, set at sign-in.</summary>
    public const string OrganisationClaim = "adwatch:organisation";

    public AccessScope Of(ClaimsPrincipal user) => organisations.ScopeOf(user.FindFirst(OrganisationClaim)?.Value);

    /// <summary>Audits that <paramref name="user"/> was refused <paramref name="targetKind"/> <paramref name="targetId"/>.</summary>
    public Task RefusedAsync(ClaimsPrincipal user, string targetKind, string targetId, string? what, CancellationToken ct) =>
        audit.WriteAsync(user.Identity?.Name ?? "?", "access_refused", targetKind, targetId,
            $"{(what is null ? "" : what + " ")}outside {Of(user).Describe()}", ct);

    public Task RefusedAsync(ClaimsPrincipal user, string targetKind, long targetId, string? what, CancellationToken ct) =>
        RefusedAsync(user, targetKind, targetId.ToString(CultureInfo.InvariantCulture), what, ct);
}
