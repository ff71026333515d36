namespace AdWatch.Accounts;

/// <summary>What kind of organisation an account belongs to (<c>kind</c> in <c>config/organisations.yaml</c>).</summary>
public enum OrganisationKind
{
    /// <summary>A municipality: sees the locations in its own municipality codes, and only a hit/no-hit elsewhere in the region.</summary>
    Municipality,

    /// <summary>The police team: sees the whole region.</summary>
    Police,

    /// <summary>The regional coordinator (<i>regisseur ondermijning</i>): sees the region's municipalities.</summary>
    Regional,
}
