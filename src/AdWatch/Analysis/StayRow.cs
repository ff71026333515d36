namespace AdWatch.Analysis;

/// <summary>A row of <c>stays</c>: one advertiser's contiguous activity at one location.</summary>
public sealed record StayRow
{
    public long Id { get; init; }
    public long LocationId { get; init; }
    public long AdvertiserId { get; init; }
    public DateTimeOffset StartAt { get; init; }
    public DateTimeOffset EndAt { get; init; }
    public int AdCount { get; init; }
    /// <summary>How the advertiser is tied to the location: address, phone, image or template.</summary>
    public required string LinkKind { get; init; }
    public double Confidence { get; init; }
}
