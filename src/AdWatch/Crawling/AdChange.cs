namespace AdWatch.Crawling;

/// <summary>How a sighting relates to what was known before it.</summary>
public enum AdChange
{
    /// <summary>First sighting of this ad.</summary>
    New,

    /// <summary>The ad was known; its content is new.</summary>
    Changed,

    /// <summary>Known ad, known content.</summary>
    Unchanged,
}
