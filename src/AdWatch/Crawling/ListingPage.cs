namespace AdWatch.Crawling;

/// <summary>What a listing page yielded: its ad cards in page order, the next page and the detectors' verdicts.</summary>
public sealed record ListingPage(IReadOnlyList<ListingCard> Cards, Uri? NextPage, bool Blocked, bool DeclaredEmpty)
{
    /// <summary>The ad URLs of <see cref="Cards"/>, in page order.</summary>
    public IReadOnlyList<Uri> AdUrls => [.. Cards.Select(c => c.Url)];
}
