namespace AdWatch.DemoSites.Nachtlicht;

/// <summary>Body of GET /api/ads?page=N (JSON, camelCase).</summary>
internal sealed record NachtlichtListingPage(int Page, int PageSize, int Total, int TotalPages, string? Next, IReadOnlyList<NachtlichtAdSummary> Ads);
