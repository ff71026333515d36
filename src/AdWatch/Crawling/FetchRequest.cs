using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>
/// One page to fetch, with the validators of the stored copy for a conditional GET. <see cref="Kind"/> says whether it is a
/// listing or an ad page: the browser runs <c>ad.actions</c> on ad pages only and <c>listing.loadMore</c> on listings only.
/// </summary>
public sealed record FetchRequest(Uri Url, SiteDefinition Site, string? IfNoneMatch = null, string? IfModifiedSince = null)
{
    public PageKind Kind { get; init; } = PageKind.Ad;
}

/// <summary>What kind of page a <see cref="FetchRequest"/> is for.</summary>
public enum PageKind
{
    Ad,
    Listing,
}
