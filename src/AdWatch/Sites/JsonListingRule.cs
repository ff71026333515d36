namespace AdWatch.Sites;

/// <summary>
/// A JSON listing (<c>listing.json</c>): in HTTP mode the listing URL answers JSON; in browser mode the JSON comes from
/// captured responses (<see cref="Capture"/>, else every capture of the page). Each item of <see cref="Items"/> is one ad,
/// found by <see cref="Url"/> or by <see cref="UrlTemplate"/> with <c>{id}</c> from <see cref="Id"/>; <see cref="Next"/>
/// is the next page's URL (absent or null on the last page).
/// </summary>
public sealed class JsonListingRule
{
    /// <summary>JSONPath of the ad items, e.g. <c>$.ads[*]</c>.</summary>
    public string Items { get; set; } = "";

    /// <summary>JSONPath (relative to an item) of the ad URL, absolute or relative to the base URL.</summary>
    public string? Url { get; set; }

    /// <summary>Alternative to <see cref="Url"/>: a URL with <c>{id}</c>, relative to the base URL.</summary>
    public string? UrlTemplate { get; set; }

    /// <summary>JSONPath (relative to an item) of the id for <see cref="UrlTemplate"/>.</summary>
    public string? Id { get; set; }

    /// <summary>JSONPath (on the whole document) of the next page's URL.</summary>
    public string? Next { get; set; }

    /// <summary>
    /// JSONPaths (relative to an item) left out of the item's hash, like <see cref="ListingRule.CardIgnore"/>: e.g.
    /// <c>$.bumpedAt</c>, the time a paid bump re-dated the ad.
    /// </summary>
    public List<string> Ignore { get; set; } = [];

    /// <summary>Browser mode: the <c>fetch.capture</c> name whose responses hold the listing JSON.</summary>
    public string? Capture { get; set; }
}
