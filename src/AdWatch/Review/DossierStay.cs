namespace AdWatch.Review;

/// <summary>
/// One advertiser's contiguous activity at the location, days inclusive (<see cref="Start"/> and <see cref="End"/> are
/// day starts, UTC). <see cref="LinkKind"/>: address, phone, image or template, with its confidence.
/// </summary>
public sealed record DossierStay(
    long AdvertiserId,
    string AdvertiserLabel,
    string? OperatorPhone,
    DateTimeOffset Start,
    DateTimeOffset End,
    int AdCount,
    string LinkKind,
    double Confidence)
{
    /// <summary>Length in whole days, both ends included.</summary>
    public int Days => (int)Math.Round((End.UtcDateTime.Date - Start.UtcDateTime.Date).TotalDays) + 1;
}
