using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AdWatch.Crawling;

/// <summary>The text fields read from one ad page, before extraction. Every field may be missing.</summary>
public sealed record AdFields(
    string? Title,
    string? Text,
    string? Location,
    string? Phone,
    string? PostedDate,
    IReadOnlyList<string> Images,
    IReadOnlyDictionary<string, string>? Extras = null)
{
    /// <summary>
    /// SHA-256 over the fields; equal content gives an equal hash, so an unchanged ad gets no new version. The extras are
    /// hashed only when there are any (sorted by name): an ad of a site without <c>ad.extras</c> keeps the hash it had
    /// before extras existed, so no stored ad looks changed.
    /// </summary>
    public string ContentHash()
    {
        object?[] parts = Extras is { Count: > 0 }
            ? [Title, Text, Location, Phone, PostedDate, Images, Extras.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new[] { p.Key, p.Value })]
            : [Title, Text, Location, Phone, PostedDate, Images];
        var canonical = JsonSerializer.Serialize(parts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The extras as the JSON object stored in <c>ad_versions.extras</c> (sorted by name), or null when none.</summary>
    public string? ExtrasJson() => Extras is { Count: > 0 }
        ? JsonSerializer.Serialize(new SortedDictionary<string, string>(Extras.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal))
        : null;

    /// <summary>
    /// No field found at all: not an ad page as the site's definition describes one (random bytes, an error page, a layout
    /// that changed completely). Such a page is refused, not stored: an empty version would replace what the ad said.
    /// </summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Location)
                           && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(PostedDate) && Images.Count == 0 && Extras is not { Count: > 0 };

    /// <summary>The images as the JSON array stored in <c>ad_versions.image_urls</c>.</summary>
    public string ImagesJson() => JsonSerializer.Serialize(Images);

    /// <summary>Value of a field by the name used in site definitions (<c>title</c>, <c>text</c>, …).</summary>
    public bool Has(string field) => field switch
    {
        "title" => !string.IsNullOrWhiteSpace(Title),
        "text" => !string.IsNullOrWhiteSpace(Text),
        "location" => !string.IsNullOrWhiteSpace(Location),
        "phone" => !string.IsNullOrWhiteSpace(Phone),
        "postedDate" => !string.IsNullOrWhiteSpace(PostedDate),
        "images" => Images.Count > 0,
        _ => false,
    };
}
