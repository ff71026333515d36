namespace AdWatch.Crawling;

/// <summary>What a listing page yielded.</summary>
public sealed record ListingPage(IReadOnlyList<Uri> AdUrls, Uri? NextPage, bool Blocked, bool DeclaredEmpty);
