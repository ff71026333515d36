namespace AdWatch.Analysis;

/// <summary>
/// One advertiser: ads linked by phone, image or near-duplicate text. <see cref="Key"/> (<c>a</c> + the lowest ad id) is stable
/// across runs until the advertiser merges with an older one. <see cref="OperatorPhoneId"/> names the operator phone it shares
/// with clearly different advertisers, if any.
/// </summary>
public sealed record ResultAdvertiser(
    string Key,
    string Label,
    IReadOnlyList<AdLink> Ads,
    IReadOnlyList<long> PhoneIds,
    long? OperatorPhoneId,
    int FirstDay,
    int LastDay);
