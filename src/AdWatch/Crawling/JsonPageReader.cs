using System.Security.Cryptography;
using System.Text;
using AdWatch.Sites;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AdWatch.Crawling;

/// <summary>
/// Reads a JSON listing (<c>listing.json</c>): the page itself when it is JSON (HTTP mode), else the responses captured in
/// browser mode. Ad URLs come back in the same <see cref="ListingPage"/> as HTML links, on the site's hosts only, in order
/// and without duplicates.
/// </summary>
public static class JsonPageReader
{
    /// <summary>One ad of a JSON listing: its URL and a SHA-256 of the item's compact JSON (for revisit economy).</summary>
    public sealed record JsonListingItem(Uri Url, string ItemHash);

    public static ListingPage ReadListing(PageContent content, Uri pageUrl, SiteDefinition site, int pageNumber)
    {
        var l = site.Listing;
        var items = Items(content, pageUrl, site);
        Uri? next = null;
        if (l.Json!.Next is { } nextPath)
        {
            foreach (var root in Documents(content, site, l.Json))
            {
                next = JsonValues.Strings(root, nextPath).Select(href => PageReader.Resolve(pageUrl, href)).LastOrDefault(u => u is not null) ?? next;
            }
        }
        else if (l.PageUrlTemplate is not null && items.Count > 0)
        {
            next = PageReader.Resolve(site.BaseUri(), l.PageUrlTemplate.Replace("{page}", (pageNumber + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
        if (next is not null && (!site.IsAllowedHost(next) || pageNumber >= l.MaxPages || next == pageUrl))
        {
            next = null;
        }
        return new ListingPage([.. items.Select(i => new ListingCard(i.Url, i.ItemHash))], next, false, items.Count == 0 && Documents(content, site, l.Json).Any());
    }

    /// <summary>The ads of a JSON listing with a hash of each item's JSON.</summary>
    public static IReadOnlyList<JsonListingItem> Items(PageContent content, Uri pageUrl, SiteDefinition site)
    {
        var rule = site.Listing.Json!;
        var result = new List<JsonListingItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in Documents(content, site, rule))
        {
            foreach (var item in JsonValues.Tokens(root, rule.Items))
            {
                if (AdUrl(item, pageUrl, site, rule) is { } url && site.IsAllowedHost(url) && seen.Add(url.AbsoluteUri))
                {
                    var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Hashed(item, rule).ToString(Formatting.None))));
                    result.Add(new JsonListingItem(url, hash));
                }
            }
        }
        return result;
    }

    /// <summary>The item as hashed: a copy without the values <c>listing.json.ignore</c> names (e.g. the bump time).</summary>
    private static JToken Hashed(JToken item, JsonListingRule rule)
    {
        if (rule.Ignore.Count == 0)
        {
            return item;
        }
        var copy = item.DeepClone();
        foreach (var path in rule.Ignore)
        {
            foreach (var token in JsonValues.Tokens(copy, path).ToList())
            {
                if (token.Parent is JProperty property)
                {
                    property.Remove();
                }
                else if (token.Parent is JArray)
                {
                    token.Remove();
                }
            }
        }
        return copy;
    }

    private static Uri? AdUrl(JToken item, Uri pageUrl, SiteDefinition site, JsonListingRule rule)
    {
        if (rule.Url is not null)
        {
            return JsonValues.Strings(item, rule.Url).Select(href => PageReader.Resolve(pageUrl, href)).FirstOrDefault(u => u is not null);
        }
        if (rule.UrlTemplate is not null && rule.Id is not null && JsonValues.Strings(item, rule.Id).FirstOrDefault() is { Length: > 0 and <= 200 } id)
        {
            return PageReader.Resolve(site.BaseUri(), rule.UrlTemplate.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal));
        }
        return null;
    }

    /// <summary>The page's JSON, else the captured responses (of the named capture, else all), each parsed.</summary>
    private static IEnumerable<JToken> Documents(PageContent content, SiteDefinition site, JsonListingRule rule)
    {
        if (content.IsJson)
        {
            return content.Json is { } json ? [json] : [];
        }
        if (site.Fetch.Mode == FetchMode.Http)
        {
            return []; // captures are written by the browser fetcher only; an HTTP page's own templates are the site's markup
        }
        var captures = rule.Capture is null ? content.AllCaptures() : content.Captures(rule.Capture);
        return captures.Select(content.CaptureJson).OfType<JToken>();
    }
}
