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
    IReadOnlyList<string> Images)
{
    /// <summary>SHA-256 over the fields; equal content gives an equal hash, so an unchanged ad gets no new version.</summary>
    public string ContentHash()
    {
        var canonical = JsonSerializer.Serialize(new object?[] { Title, Text, Location, Phone, PostedDate, Images });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

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
