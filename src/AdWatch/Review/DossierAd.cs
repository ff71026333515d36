namespace AdWatch.Review;

/// <summary>
/// An ad tied to the location. Every text field is hostile input from an ad site: render it encoded, never as markup.
/// <see cref="Url"/> is evidence, shown as text, never as a live link. <see cref="Captures"/> are its stored versions.
/// </summary>
public sealed record DossierAd(
    long AdId,
    string Site,
    string ExternalId,
    string Url,
    string Status,
    string? Title,
    string? Body,
    string? AdvertiserName,
    string? LocationText,
    long? AdvertiserId,
    string? AdvertiserLabel,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int Observations,
    IReadOnlyList<string> ImageUrls,
    IReadOnlyList<DossierCapture> Captures)
{
    /// <summary>The current version's named extra fields (<c>ad.extras</c>: age, work area, a verified badge), by name; hostile text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extras { get; init; } = [];
}
