namespace AdWatch.Accounts;

/// <summary>
/// One organisation of <c>config/organisations.yaml</c>. <see cref="MunicipalityCodes"/> are CBS codes (<c>GM0243</c>); a
/// municipality lists its own, a police team or regional coordinator may list none, and then sees the whole region.
/// </summary>
public sealed record Organisation(string Key, string Name, OrganisationKind Kind, IReadOnlyList<string> MunicipalityCodes)
{
    /// <summary>What this organisation's accounts may see.</summary>
    public AccessScope Scope => Kind != OrganisationKind.Municipality && MunicipalityCodes.Count == 0
        ? AccessScope.RegionWide(Key)
        : AccessScope.Within(Key, MunicipalityCodes);
}
