namespace AdWatch.Accounts;

/// <summary>
/// What a dashboard account may do. Stored in <c>users.role</c> and carried in the sign-in cookie as its text
/// (<c>analyst</c>, <c>coordinator</c>, <c>admin</c>; see <see cref="Storage.EnumText"/>), ordered from least to most rights.
/// </summary>
public enum Role
{
    /// <summary>Reads everything, reviews flags.</summary>
    Analyst,

    /// <summary>Also decides on inspections and exports leads.</summary>
    Coordinator,

    /// <summary>Also manages accounts and jobs.</summary>
    Admin,
}
