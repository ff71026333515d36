namespace AdWatch.DemoSites.Nachtlicht;

/// <summary>Body of GET /api/ads/{id} (JSON, camelCase); only <see cref="Id"/> and <see cref="Status"/> when not online.</summary>
internal sealed record NachtlichtAdDetail(
    string Id,
    string Status,
    string? Title = null,
    string? Body = null,
    string? Location = null,
    string? City = null,
    string? Phone = null,
    string? Posted = null,
    IReadOnlyList<string>? Images = null);
