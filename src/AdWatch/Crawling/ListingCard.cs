namespace AdWatch.Crawling;

/// <summary>
/// One ad as a listing shows it: the ad URL and a hash of its card (what the listing says about the ad: visible text and
/// image URLs for HTML, the item for a JSON listing). An unchanged card counts as a sighting of a known, recently verified
/// ad, so its page is not fetched again; null when the card could not be read (the ad page is then always fetched).
/// </summary>
public sealed record ListingCard(Uri Url, string? CardHash);
