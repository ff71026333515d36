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
    /// <summary>The "advertiser" is only an operator's booking number (no name, own phone or photo): evidence, not counted.</summary>
    public bool OperatorOnly { get; init; }

    /// <summary>How analysis decided who this advertiser is (phone change, operator-only, site wording set aside as a name).</summary>
    public IReadOnlyList<AdWatch.Analysis.FlagReason> Identity { get; init; } = [];

    /// <summary>Length in whole days, both ends included.</summary>
    public int Days => (int)Math.Round((End.UtcDateTime.Date - Start.UtcDateTime.Date).TotalDays) + 1;
}
