namespace AdWatch.Analysis;

/// <summary>An advertiser named a town from one day to another (the days of one ad version), inclusive.</summary>
internal readonly record struct TownSpan(int First, int Last, string Town, string Label, bool InRegion)
{
    public bool Overlaps(int from, int to) => First <= to && from <= Last;
}
