using System.Text.RegularExpressions;
using AdWatch.Html;
using AngleSharp.Dom;

namespace AdWatch.Extraction;

/// <summary>
/// Turns an ad (HTML page or plain text, detected) into <see cref="AdText"/>: the page's
/// <see cref="TextLayout.Reading"/> text (<see cref="HtmlText"/>), plus the phone links and image URLs its visible
/// elements carry, collected in the same walk. Stateless and thread-safe.
/// </summary>
public sealed partial class AdTextReader
{
    /// <summary>Reads <paramref name="input"/> as HTML when it looks like markup, else as plain text.</summary>
    public AdText Read(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return LooksLikeHtml(input) ? ReadHtml(input) : AdText.Plain(input);
    }

    /// <summary>True when the input contains markup a browser would render (a tag from the common HTML set).</summary>
    public static bool LooksLikeHtml(string input) => HtmlTag().IsMatch(input.AsSpan(0, Math.Min(input.Length, 65_536)));

    /// <summary>Visible text, phone links and image URLs of an HTML page.</summary>
    public AdText ReadHtml(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var document = HtmlParse.Document(html);
        var links = new List<string>();
        var images = new List<string>();
        CollectMeta(document, images);
        var text = HtmlText.OfPage(document, TextLayout.Reading, element => Collect(element, links, images));
        return new AdText(text, links.Distinct(StringComparer.Ordinal).ToList(), images.Distinct(StringComparer.Ordinal).ToList());
    }

    private static void Collect(IElement element, List<string> links, List<string> images)
    {
        // A "Toon nummer" button often carries the number it reveals: data-phone="06…", data-tel, data-whatsapp, data-number.
        foreach (var attribute in element.Attributes)
        {
            if (PhoneAttribute().IsMatch(attribute.Name)
                && attribute.Value.Length <= 64 && attribute.Value.Count(char.IsAsciiDigit) >= 8)
            {
                // A WhatsApp attribute holds the number as wa.me does: country code and digits, no plus ("31612345678").
                var value = attribute.Value.Trim();
                links.Add(WhatsAppAttribute().IsMatch(attribute.Name) && value.All(char.IsAsciiDigit) && value[0] != '0'
                    ? "https://wa.me/" + value
                    : "tel:" + value);
            }
        }

        switch (element.LocalName)
        {
            case "a" or "area":
                var href = element.GetAttribute("href");
                if (href is not null && PhoneLink().IsMatch(href))
                {
                    links.Add(href.Trim());
                }

                break;
            case "img" or "source":
                AddImage(element.GetAttribute("src"), images);
                AddImage(element.GetAttribute("data-src"), images);
                AddImage(FirstSrcsetUrl(element.GetAttribute("srcset")), images);
                break;
        }
    }

    private static void CollectMeta(IDocument document, List<string> images)
    {
        foreach (var meta in document.Head?.Children ?? Enumerable.Empty<IElement>())
        {
            if (meta.LocalName == "meta" && (meta.GetAttribute("property") == "og:image" || meta.GetAttribute("name") == "twitter:image"))
            {
                AddImage(meta.GetAttribute("content"), images);
            }
        }
    }

    private static void AddImage(string? url, List<string> images)
    {
        if (!string.IsNullOrWhiteSpace(url) && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            images.Add(url.Trim());
        }
    }

    private static string? FirstSrcsetUrl(string? srcset) =>
        string.IsNullOrWhiteSpace(srcset) ? null : srcset.Trim().Split([' ', ','], 2)[0];

    [GeneratedRegex(@"<(?:!doctype|html|head|body|div|p|br|span|a|img|script|style|section|article|meta|table|ul|ol|li|h[1-6]|strong|em|b|i|font|center|main|header|footer|nav|title|link)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^data-(?:[a-z0-9]+-)*(?:phone|tel|telefoon|telephone|nummer|number|mobile|mobiel|gsm|whatsapp|wa)(?:-[a-z0-9]+)*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneAttribute();

    [GeneratedRegex(@"-(?:whatsapp|wa)(?:-|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WhatsAppAttribute();

    [GeneratedRegex(@"^\s*(?:tel|callto|sms|facetime|whatsapp):|wa\.me/|api\.whatsapp\.com/send", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLink();
}
