using AdWatch.Sites;

namespace AdWatch.Crawling;

/// <summary>One page to fetch, with the validators of the stored copy for a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, SiteDefinition Site, string? IfNoneMatch = null, string? IfModifiedSince = null);
