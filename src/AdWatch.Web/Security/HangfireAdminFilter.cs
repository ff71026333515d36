using Hangfire.Dashboard;

namespace AdWatch.Web.Security;

/// <summary>
/// Hangfire's own gate, behind the endpoint's <see cref="Policies.Admin"/> policy: only a signed-in administrator (cookie
/// principal) may see or trigger jobs. Replaces Hangfire's default local-requests-only filter.
/// </summary>
internal sealed class HangfireAdminFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Policies.AdminRole);
    }
}
