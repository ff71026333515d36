using AngleSharp.Dom;

namespace AdWatch.Crawling;

/// <summary>
/// Finds the card of each ad link on a listing page and hashes it. The card is the link's closest ancestor (or itself)
/// matching <c>listing.cardSelector</c>; without one, the largest ancestor of the link that holds links to no other ad
/// (below <c>body</c>). Each element is marked once per ad URL it contains, so the walk stays linear in links × depth.
/// The parts of a card matching <c>listing.cardIgnore</c> (a bump time, a view counter) are left out of its hash.
/// </summary>
internal static class ListingCards
{
    public static IReadOnlyList<ListingCard> Read(IReadOnlyList<(IElement Anchor, Uri Url)> links, Uri pageUrl, string? cardSelector,
        string? cardIgnore = null)
    {
        var owner = cardSelector is null ? MarkOwners(links) : null;
        var cards = new List<ListingCard>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (anchor, url) in links)
        {
            if (!seen.Add(url.AbsoluteUri))
            {
                continue;
            }
            var card = cardSelector is not null ? Closest(anchor, cardSelector) : Climb(anchor, url.AbsoluteUri, owner!);
            cards.Add(new ListingCard(url, card is null ? null : CardHash.Of(Without(card, cardIgnore), pageUrl)));
        }
        return cards;
    }

    /// <summary>For every ancestor of an ad link: the one ad URL it holds links to, or null when it holds several.</summary>
    private static Dictionary<IElement, string?> MarkOwners(IReadOnlyList<(IElement Anchor, Uri Url)> links)
    {
        var owner = new Dictionary<IElement, string?>(ReferenceEqualityComparer.Instance);
        foreach (var (anchor, url) in links)
        {
            var key = url.AbsoluteUri;
            for (var e = anchor; e is not null; e = e.ParentElement)
            {
                if (!owner.TryGetValue(e, out var current))
                {
                    owner[e] = key;
                }
                else if (current is null || current == key)
                {
                    break; // everything above was marked by this URL already, or holds several ads anyway
                }
                else
                {
                    owner[e] = null;
                }
            }
        }
        return owner;
    }

    private static IElement Climb(IElement anchor, string url, Dictionary<IElement, string?> owner)
    {
        var card = anchor;
        while (card.ParentElement is { } parent && parent.LocalName is not ("body" or "html")
            && owner.TryGetValue(parent, out var holds) && holds == url)
        {
            card = parent;
        }
        return card;
    }

    /// <summary>The card, or a copy of it without the parts <paramref name="ignore"/> matches (the page itself is untouched).</summary>
    private static IElement Without(IElement card, string? ignore)
    {
        if (ignore is null)
        {
            return card;
        }
        try
        {
            if (card.QuerySelector(ignore) is null)
            {
                return card;
            }
            var copy = (IElement)card.Clone(deep: true);
            foreach (var part in copy.QuerySelectorAll(ignore).ToList())
            {
                part.Remove();
            }
            return copy;
        }
        catch (DomException)
        {
            return card; // validated at load; a selector AngleSharp still refuses ignores nothing
        }
    }

    private static IElement? Closest(IElement anchor, string selector)
    {
        try
        {
            return anchor.Closest(selector);
        }
        catch (DomException)
        {
            return null; // validated at load; a selector AngleSharp still refuses means no card, so the ad page is fetched
        }
    }
}
