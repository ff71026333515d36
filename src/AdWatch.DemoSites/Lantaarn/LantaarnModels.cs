using System.Text.Json.Serialization;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>One row of GET /api/ads (JSON, camelCase); <see cref="Url"/> is the beta detail path.</summary>
internal sealed record LantaarnAdSummary(string Id, string Url, string Title, string? City, string BumpedAt, string? Thumb);

/// <summary>Body of GET /api/ads?page=N: one "Meer laden" round; <see cref="Next"/> is written as null on the last round.</summary>
internal sealed record LantaarnListingPage(
    IReadOnlyList<LantaarnAdSummary> Ads,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Next);
