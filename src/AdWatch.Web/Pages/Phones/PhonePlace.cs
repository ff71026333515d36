namespace AdWatch.Web.Pages.Phones;

/// <summary>A place where the phone appeared, with the location there (if any), its flag status and the span of ads.</summary>
public sealed record PhonePlace(
    string Label,
    string? MunicipalityCode,
    long? LocationId,
    string? FlagStatus,
    int Ads,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
