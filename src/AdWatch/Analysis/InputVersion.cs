namespace AdWatch.Analysis;

/// <summary>
/// One ad version reduced to what linking and stays need. <see cref="Days"/> are distinct UTC day numbers
/// (days since 1970-01-01), ascending — a million observations shrink to a few hundred thousand of these.
/// </summary>
public sealed record InputVersion(
    long Id,
    int[] Days,
    long[] PhoneIds,
    long[] PlaceIds,
    ulong[] ImageHashes,
    ulong? TextHash,
    string? Name,
    string[] Indicators);
