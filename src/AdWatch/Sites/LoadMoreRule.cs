namespace AdWatch.Sites;

/// <summary>
/// Browser mode (<c>listing.loadMore</c>): an endless list. Each round clicks <see cref="Click"/> (or scrolls to the bottom
/// when <see cref="Scroll"/>) and waits for new ad links; it stops after <see cref="MaxRounds"/>, when
/// <see cref="StopWhen"/> is on the page, when the button is gone, or when a round adds no new ad link.
/// </summary>
public sealed class LoadMoreRule
{
    public ElementTarget? Click { get; set; }
    public bool Scroll { get; set; }
    public int MaxRounds { get; set; } = 20;
    public ElementTarget? StopWhen { get; set; }

    /// <summary>How long one round waits for new ad links before it counts as adding none.</summary>
    public int RoundWaitMs { get; set; } = 3000;
}
