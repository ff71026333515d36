namespace AdWatch.Analysis;

/// <summary>
/// The contiguous activity of one advertiser at one location, days inclusive. <see cref="LinkKind"/> is the strongest tie
/// of its ads to the location: <c>address</c>, else <c>phone</c>, <c>image</c> or <c>template</c> (ads without an address).
/// </summary>
public sealed record ResultStay(string AdvertiserKey, int StartDay, int EndDay, IReadOnlyList<long> AdIds, string LinkKind, double Confidence)
{
    public int LengthDays => EndDay - StartDay + 1;
}
