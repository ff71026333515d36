namespace AdWatch.Sites;

/// <summary>Where the listing pages are and how to walk them.</summary>
public sealed class ListingRule
{
    /// <summary>Listing start URLs, absolute or relative to the base URL.</summary>
    public List<string> StartUrls { get; set; } = [];

    /// <summary>Selector of the "next page" link (its <c>href</c> is followed).</summary>
    public string? NextPageSelector { get; set; }

    /// <summary>Alternative to <see cref="NextPageSelector"/>: a URL with <c>{page}</c> (1-based) walked until a page has no ads.</summary>
    public string? PageUrlTemplate { get; set; }

    /// <summary>Never read more than this many listing pages per start URL.</summary>
    public int MaxPages { get; set; } = 50;

    /// <summary>Selector of links to ad pages (their <c>href</c>).</summary>
    public string? AdLinkSelector { get; set; }

    /// <summary>Regex an ad URL must match; alone it selects every matching link on the page.</summary>
    public string? AdUrlPattern { get; set; }

    /// <summary>
    /// Selector of an ad's card on the listing (the link's closest match). Without it the card is the largest ancestor of
    /// the ad link that links to no other ad. The card's text and image URLs are hashed to tell an unchanged ad.
    /// </summary>
    public string? CardSelector { get; set; }

    /// <summary>
    /// Selector of the parts of a card left out of its hash: what changes without the ad changing, such as the time a paid
    /// bump re-dated it ("2 uur geleden"), a view counter or a "nieuw" badge. Without it a bumped ad's page is fetched again.
    /// </summary>
    public string? CardIgnore { get; set; }

    /// <summary>
    /// An ad whose card did not change is counted as seen from the listing, without fetching its page, until its page was
    /// last fetched more than this many days ago. <c>0</c> fetches every listed ad's page on every run.
    /// </summary>
    public int ReverifyDays { get; set; } = 7;

    /// <summary>Browser mode: an endless list that loads more ads on a click or a scroll.</summary>
    public LoadMoreRule? LoadMore { get; set; }

    /// <summary>A JSON listing instead of links in HTML.</summary>
    public JsonListingRule? Json { get; set; }
}
