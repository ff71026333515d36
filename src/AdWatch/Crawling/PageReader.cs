using System.Text.RegularExpressions;
using AdWatch.Html;
using AdWatch.Sites;
using AngleSharp.Dom;

namespace AdWatch.Crawling;

/// <summary>
/// Applies a site definition to a parsed page: ad links, next page, ad id, fields and detectors. Works on any
/// <see cref="IDocument"/>, so HTTP, browser and imported pages share it. Fields without a selector stay empty; a site
/// without any field selector gets the generic reading (title from &lt;h1&gt;/&lt;title&gt;, body from visible text).
/// </summary>
public static class PageReader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static ListingPage ReadListing(IDocument doc, Uri pageUrl, SiteDefinition site, int pageNumber) =>
        ReadListing(PageContent.Of(doc), pageUrl, site, pageNumber);

    /// <summary>A listing page: links in HTML, or items of a JSON listing (<c>listing.json</c>).</summary>
    public static ListingPage ReadListing(PageContent content, Uri pageUrl, SiteDefinition site, int pageNumber)
    {
        var doc = content.Document;
        var l = site.Listing;
        if (l.Json is not null)
        {
            return JsonPageReader.ReadListing(content, pageUrl, site, pageNumber);
        }
        var pattern = l.AdUrlPattern is null ? null : new Regex(l.AdUrlPattern, RegexOptions.None, RegexTimeout);
        var anchors = l.AdLinkSelector is not null ? doc.QuerySelectorAll(l.AdLinkSelector) : doc.QuerySelectorAll("a[href]");
        var links = new List<(IElement Anchor, Uri Url)>();
        foreach (var a in anchors)
        {
            var url = Resolve(pageUrl, a.GetAttribute("href"));
            if (url is not null && site.IsAllowedHost(url) && (pattern is null || SafeIsMatch(pattern, url.AbsoluteUri)))
            {
                links.Add((a, url));
            }
        }
        var cards = ListingCards.Read(links, pageUrl, l.CardSelector, l.CardIgnore);
        var urls = cards.Select(c => c.Url).ToList();

        Uri? next = null;
        if (l.NextPageSelector is not null)
        {
            next = Resolve(pageUrl, doc.QuerySelector(l.NextPageSelector)?.GetAttribute("href"));
        }
        else if (l.PageUrlTemplate is not null && urls.Count > 0)
        {
            next = Resolve(site.BaseUri(), l.PageUrlTemplate.Replace("{page}", (pageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        if (next is not null && (!site.IsAllowedHost(next) || pageNumber >= l.MaxPages))
        {
            next = null;
        }
        var text = new Lazy<string>(() => HtmlText.OfPage(doc, TextLayout.Fields));
        return new ListingPage(cards, next, Matches(site.Detectors.Blocked, doc, text), Matches(site.Detectors.EmptyListing, doc, text));
    }

    public static AdPage ReadAd(IDocument doc, Uri adUrl, SiteDefinition site) => ReadAd(PageContent.Of(doc), adUrl, site);

    /// <summary>An ad page, HTML or JSON; <c>ad.extras</c> are read into <see cref="AdFields.Extras"/>.</summary>
    public static AdPage ReadAd(PageContent content, Uri adUrl, SiteDefinition site)
    {
        var doc = content.Document;
        var f = site.Ad.Fields;
        var text = new Lazy<string>(() => HtmlText.OfPage(doc, TextLayout.Fields));
        AdFields fields;
        if (f.Configured().Any())
        {
            fields = new AdFields(
                Read(content, f.Title), Read(content, f.Text), Read(content, f.Location), Read(content, f.Phone), Read(content, f.PostedDate),
                f.Images is null ? [] : ReadAll(content, f.Images).Select(src => Resolve(adUrl, src)?.AbsoluteUri).OfType<string>().Distinct().ToList());
        }
        else if (content.IsJson)
        {
            fields = new AdFields(null, Blank(content.JsonText is { Length: <= HtmlGuard.MaxChars } json ? json.Trim() : null), null, null, null, []);
        }
        else
        {
            var title = doc.QuerySelector("h1")?.TextContent ?? doc.Title;
            fields = new AdFields(Blank(HtmlText.Collapse(title ?? "")), Blank(text.Value), null, null, null, []);
        }
        var extras = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, selector) in site.Ad.Extras)
        {
            if (Read(content, selector) is { } value)
            {
                extras[name] = value;
            }
        }
        if (extras.Count > 0)
        {
            fields = fields with { Extras = extras };
        }
        return new AdPage(ReadExternalId(content, adUrl, site), fields,
            Matches(site.Detectors.Expired, doc, text), Matches(site.Detectors.Blocked, doc, text));
    }

    /// <summary>The ad id from the URL rule, else the page selector, else the URL itself (path and query).</summary>
    public static string? ExternalId(IDocument? doc, Uri adUrl, SiteDefinition site) =>
        ReadExternalId(doc is null ? null : PageContent.Of(doc), adUrl, site);

    private static string? ReadExternalId(PageContent? doc, Uri adUrl, SiteDefinition site)
    {
        if (site.Ad.IdFromUrl is not null)
        {
            try
            {
                var m = Regex.Match(adUrl.AbsoluteUri, site.Ad.IdFromUrl, RegexOptions.None, RegexTimeout);
                return m.Success && m.Groups[1].Success ? m.Groups[1].Value : null;
            }
            catch (RegexMatchTimeoutException)
            {
                return null;
            }
        }
        if (site.Ad.IdSelector is not null)
        {
            return doc is null ? null : Read(doc, site.Ad.IdSelector);
        }
        return adUrl.PathAndQuery;
    }

    private static bool Matches(Detector d, IDocument doc, Lazy<string> text)
    {
        if (d.Selector is not null && doc.QuerySelector(d.Selector) is not null)
        {
            return true;
        }
        return d.Regex is not null && SafeIsMatch(new Regex(d.Regex, RegexOptions.IgnoreCase, RegexTimeout), text.Value);
    }

    private static bool SafeIsMatch(Regex regex, string input)
    {
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // hostile input: a runaway pattern counts as no match
        }
    }

    /// <summary>All values of a field selector joined by newlines, or null when it read nothing.</summary>
    public static string? Read(PageContent page, string? selector) => selector is null ? null : Blank(string.Join("\n", ReadAll(page, selector)));

    /// <summary>Every value of every alternative of a field selector, in order; an alternative that does not parse reads nothing.</summary>
    public static IEnumerable<string> ReadAll(PageContent page, string selector) =>
        FieldSelectors.Alternatives(selector).SelectMany(text => SelectorAlternative.Parse(text, out _) is { } alternative
            ? ReadOne(page, alternative).Select(alternative.Apply).OfType<string>()
            : []);

    private static IEnumerable<string> ReadOne(PageContent page, SelectorAlternative selector)
    {
        switch (selector.Kind)
        {
            case SelectorKind.Label:
                return LabelReader.Read(page.Document, selector.Labels) is { } label ? [label] : [];
            case SelectorKind.Json:
                var root = selector.JsonId is null ? page.Json : page.Script(selector.JsonId);
                return root is null ? [] : JsonValues.Strings(root, selector.JsonPath!);
            case SelectorKind.Capture:
                return page.Captures(selector.CaptureName!).SelectMany(c => selector.JsonPath is null
                    ? (string.IsNullOrWhiteSpace(c.Body) ? [] : [c.Body.Trim()])
                    : page.CaptureJson(c) is { } json ? JsonValues.Strings(json, selector.JsonPath) : []);
            default:
                return ReadCss(page.Document, selector.Css!, selector.Attribute);
        }
    }

    private static IEnumerable<string> ReadCss(IDocument doc, string css, string? attribute)
    {
        foreach (var element in doc.QuerySelectorAll(css))
        {
            var value = attribute is not null ? element.GetAttribute(attribute)?.Trim()
                : element.LocalName == "script" ? element.TextContent.Trim()
                : HtmlText.Visible(element, TextLayout.Fields);
            if (!string.IsNullOrEmpty(value))
            {
                yield return value;
            }
        }
    }

    /// <summary>An absolute http(s) URL for an href on a page, or null for javascript:, mailto:, fragments and junk.</summary>
    internal static Uri? Resolve(Uri page, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || href.StartsWith('#'))
        {
            return null;
        }
        if (!Uri.TryCreate(page, href.Trim(), out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        var builder = new UriBuilder(url) { Fragment = "" };
        return builder.Uri;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
