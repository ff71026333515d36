using System.Security.Cryptography;
using System.Text;
using AdWatch.Html;
using AngleSharp.Dom;

namespace AdWatch.Crawling;

/// <summary>
/// The hash of a listing card: SHA-256 of its visible text and its image URLs. Position on the page is not part of it,
/// so a bump that only reorders the listing leaves every card's hash as it was; a new price, title, town or photo
/// changes it.
/// </summary>
public static class CardHash
{
    /// <summary>The hash of a card's text and image URLs (lower-case hex); the same inputs always give the same hash.</summary>
    public static string Of(string text, IEnumerable<string> imageUrls)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(imageUrls);
        // The text's length first, so no text can pass for text plus an image URL.
        var collapsed = HtmlText.Collapse(text);
        var input = new StringBuilder().Append(collapsed.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(collapsed);
        foreach (var url in imageUrls)
        {
            input.Append('\n').Append(url);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.ToString())));
    }

    /// <summary>The hash of a card element: its visible text (the Fields layout) and the absolute URLs of its images.</summary>
    internal static string Of(IElement card, Uri pageUrl)
    {
        var images = new List<string>();
        var text = HtmlText.Visible(card, TextLayout.Fields, element =>
        {
            if (element.LocalName == "img")
            {
                // A lazy-loading site keeps the real photo in data-src and a placeholder in src: both count.
                foreach (var attribute in (ReadOnlySpan<string>)["src", "data-src"])
                {
                    if (PageReader.Resolve(pageUrl, element.GetAttribute(attribute)) is { } url)
                    {
                        images.Add(url.AbsoluteUri);
                    }
                }
            }
        });
        return Of(text, images);
    }
}
