using Microsoft.AspNetCore.Authorization;

namespace AdWatch.Web.Security;

/// <summary>
/// Authorization policy names. Any signed-in role may read (the fallback policy); changes that decide on an inspection need
/// <see cref="Coordinator"/>, account and job administration needs <see cref="Admin"/>.
/// </summary>
public static class Policies
{
    public const string Coordinator = "coordinator";
    public const string Admin = "admin";

    public const string AnalystRole = "analyst";
    public const string CoordinatorRole = "coordinator";
    public const string AdminRole = "admin";

    /// <summary>Registers both policies and makes "signed in" the default for every endpoint that says nothing.</summary>
    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Coordinator, p => p.RequireAuthenticatedUser().RequireRole(CoordinatorRole, AdminRole));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(AdminRole));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
