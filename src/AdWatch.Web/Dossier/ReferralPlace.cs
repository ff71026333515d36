namespace AdWatch.Web.Dossier;

/// <summary>
/// What the referral partial (<c>Pages/Shared/_Referral.cshtml</c>) needs from a page: the location's municipality. The partial
/// looks up the contacts itself, so a page adds the block with one line.
/// </summary>
/// <param name="MunicipalityCode">CBS code (GM0243); null for a location without one: the region's defaults.</param>
/// <param name="MunicipalityName">Shown in the heading; null or empty: no name.</param>
public sealed record ReferralPlace(string? MunicipalityCode, string? MunicipalityName);
