namespace AdWatch.Review;

/// <summary>
/// A phone (E.164) in the location's ads, its analyst status (ok, generic, bad), how many of the location's ads carry
/// it, how many ads carry it in all, and the other locations where it was seen.
/// </summary>
public sealed record DossierPhone(
    string E164,
    string Status,
    int AdsHere,
    int AdsTotal,
    IReadOnlyList<DossierPhoneSighting> Elsewhere);
