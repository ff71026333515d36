using System.Data.Common;
using AdWatch.Storage;

namespace AdWatch.Accounts;

/// <summary>
/// Which municipalities' locations someone may see: the one answer every read model asks (overview, location list,
/// dossier, evidence, photos, PDF, exports, phone lookup, touring). Resolved from the signed-in user's organisation
/// (<see cref="Organisations.ScopeOf"/>); <see cref="Everything"/> is for the command line and background jobs, which act for
/// the operator of the installation. A location is in scope when its place's <c>municipality_code</c> is one of
/// <see cref="MunicipalityCodes"/>; a place without a code (outside the region, or unknown) only for a region-wide scope.
/// Read models filter in SQL with <see cref="Sql"/> and the parameter <c>@scopeCodes</c> (<see cref="Parameter"/>).
/// </summary>
public sealed class AccessScope
{
    /// <summary>The name of the SQL parameter <see cref="Sql"/> refers to.</summary>
    public const string ParameterName = "scopeCodes";

    private readonly HashSet<string> _codes;

    private AccessScope(string? organisation, bool regionWide, IEnumerable<string> codes)
    {
        Organisation = organisation;
        IsRegionWide = regionWide;
        _codes = new HashSet<string>(codes, StringComparer.OrdinalIgnoreCase);
        MunicipalityCodes = [.. _codes.Order(StringComparer.Ordinal)];
    }

    /// <summary>No limit: the command line and jobs, which run for whoever operates the installation.</summary>
    public static AccessScope Everything { get; } = new(null, true, []);

    /// <summary>An account without (a known) organisation: it sees no location at all, until an admin assigns one.</summary>
    public static AccessScope Nothing { get; } = new(null, false, []);

    /// <summary>The whole region, for <paramref name="organisation"/> (police team, regional coordinator).</summary>
    public static AccessScope RegionWide(string organisation) => new(organisation, true, []);

    /// <summary>Only locations in <paramref name="codes"/>, for <paramref name="organisation"/>.</summary>
    public static AccessScope Within(string organisation, IEnumerable<string> codes) => new(organisation, false, codes);

    /// <summary>The organisation's key; null for <see cref="Everything"/> and <see cref="Nothing"/>.</summary>
    public string? Organisation { get; }

    /// <summary>True when nothing is held back (<see cref="MunicipalityCodes"/> is then empty and means nothing).</summary>
    public bool IsRegionWide { get; }

    /// <summary>The municipality codes in scope, sorted; empty for a region-wide scope and for <see cref="Nothing"/>.</summary>
    public IReadOnlyList<string> MunicipalityCodes { get; }

    /// <summary>True when a location whose place has <paramref name="municipalityCode"/> may be seen.</summary>
    public bool Allows(string? municipalityCode) => IsRegionWide || (municipalityCode is not null && _codes.Contains(municipalityCode));

    /// <summary>
    /// A SQL condition on <paramref name="column"/> (a <c>municipality_code</c>) that holds exactly when <see cref="Allows"/> does;
    /// bind <see cref="Parameter"/> as <c>@scopeCodes</c>. Never built from request text: the column is the caller's constant.
    /// </summary>
    public string Sql(DbConnection connection, string column) =>
        IsRegionWide ? "1 = 1" : _codes.Count == 0 ? "1 = 0" : SqlIn.List(connection, column, "@" + ParameterName);

    /// <summary>The value of <c>@scopeCodes</c>.</summary>
    public string[] Parameter => [.. MunicipalityCodes];

    /// <summary>How the audit log names this scope, e.g. <c>organisation ermelo (GM0233)</c>.</summary>
    public string Describe() => Organisation is null
        ? IsRegionWide ? "no limit" : "no organisation assigned"
        : IsRegionWide ? $"organisation {Organisation} (whole region)" : $"organisation {Organisation} ({string.Join(", ", MunicipalityCodes)})";

    public override string ToString() => Describe();
}
