namespace AdWatch.Web.Pages.Phones;

/// <summary>An ad that carried the phone in at least one version: where (place label, location if any) and when.</summary>
public sealed record PhoneSighting(
    long AdId,
    string Site,
    string Url,
    string? Title,
    string? AdvertiserLabel,
    string? PlaceLabel,
    long? LocationId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
