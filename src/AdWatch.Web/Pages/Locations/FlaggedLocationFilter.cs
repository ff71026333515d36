using AdWatch.Accounts;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// What the flagged-location list shows. Null means "any". <see cref="Status"/> is a review status, or <c>licensed</c>
/// for licensed venues (which are never flagged and appear only when <see cref="IncludeLicensed"/> is set or the status
/// asks for them). The period keeps locations active in it (last seen on or after <see cref="From"/>, first seen on or before <see cref="To"/>).
/// </summary>
public sealed record FlaggedLocationFilter
{
    public const int MaxPageSize = 200;

    /// <summary>Review statuses a flag can have, in workflow order.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["new", "in_review", "inspection_proposed", "inspected", "closed", "dismissed"];

    /// <summary>Whose list this is: only locations in the scope's municipalities (default: none, so a forgotten scope shows nothing).</summary>
    public AccessScope Scope { get; init; } = AccessScope.Nothing;

    public string? MunicipalityCode { get; init; }
    public string? Status { get; init; }
    public double? MinScore { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public bool IncludeLicensed { get; init; }

    /// <summary>Also list flags whose location no longer meets the rule (kept for their review history).</summary>
    public bool IncludeInactive { get; init; }

    public FlaggedLocationSort Sort { get; init; } = FlaggedLocationSort.Score;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
