namespace AdWatch.Analysis;

/// <summary>
/// The score of a location with short stays. <see cref="Qualifies"/> is the flag rule (enough different advertisers on short
/// stays in the window); a location that stops qualifying keeps its flag row, inactive, so its review history survives.
/// </summary>
public sealed record ResultFlag(
    double Score,
    bool Qualifies,
    int Advertisers,
    int ShortStays,
    IReadOnlyList<FlagReason> Reasons,
    IReadOnlyList<string> Phones,
    IReadOnlyList<long> AdIds);
