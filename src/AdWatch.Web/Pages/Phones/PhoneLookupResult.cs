namespace AdWatch.Web.Pages.Phones;

/// <summary>
/// The answer to a phone lookup. <see cref="E164"/> is null when the query is not a phone number; <see cref="Known"/> is
/// false when it is one but no ad the user may see carried it. <see cref="Spellings"/> are the ways ads wrote it (hostile text: encode).
/// </summary>
public sealed record PhoneLookupResult(
    string Query,
    string? E164,
    bool Known,
    string Status,
    string? StatusNote,
    string? StatusBy,
    DateTimeOffset? StatusAt,
    IReadOnlyList<string> Spellings,
    IReadOnlyList<PhoneSighting> Ads,
    IReadOnlyList<PhonePlace> Places)
{
    /// <summary>
    /// For a user whose organisation does not see the whole region: whether the number was seen at a place in the region
    /// outside it (a hit/no-hit, never which place or ad). Null for a region-wide user.
    /// </summary>
    public bool? ElsewhereInRegion { get; init; }
}
