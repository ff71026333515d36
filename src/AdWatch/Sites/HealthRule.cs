namespace AdWatch.Sites;

/// <summary>Health gate and lifecycle thresholds.</summary>
public sealed class HealthRule
{
    /// <summary>A run whose ad count is below this share of the rolling median of healthy runs is suspect.</summary>
    public double MinShareOfMedian { get; set; } = 0.5;

    /// <summary>A run whose average coverage of the configured fields is below this share is suspect (layout change).</summary>
    public double MinFieldCoverage { get; set; } = 0.5;

    /// <summary>An ad is gone after this many consecutive healthy runs without it.</summary>
    public int GoneAfterRuns { get; set; } = 2;

    /// <summary>How many recent healthy runs make the rolling median.</summary>
    public int MedianWindow { get; set; } = 5;
}
