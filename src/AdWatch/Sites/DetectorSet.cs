namespace AdWatch.Sites;

/// <summary>Page-state detectors. A blocked page makes the run suspect; an expired ad page ends the ad.</summary>
public sealed class DetectorSet
{
    /// <summary>Block or CAPTCHA page (often served with status 200).</summary>
    public Detector Blocked { get; set; } = new();

    /// <summary>An ad page saying the ad is no longer online.</summary>
    public Detector Expired { get; set; } = new();

    /// <summary>A listing that is legitimately empty (so zero ads is not a layout change).</summary>
    public Detector EmptyListing { get; set; } = new();
}
