namespace AdWatch.DemoSites.Nachtlicht;

/// <summary>One row of GET /api/ads (JSON, camelCase).</summary>
internal sealed record NachtlichtAdSummary(string Id, string Title, string? City, string Posted, string? Thumb);
