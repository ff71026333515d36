using System.Text;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Kontaktbord;

/// <summary>The "redesigned" layout of the renamed-classes fault: same content, other class names and structure.</summary>
internal sealed class KontaktbordRenamedMarkup : KontaktbordMarkup
{
    protected override string ExpiredClass => "notice notice--expired";

    protected override void AppendListing(StringBuilder html, IReadOnlyList<(DemoAd Ad, DemoAdVersion Version)> ads)
    {
        html.Append("<div class=\"results\">\n");
        foreach (var (ad, version) in ads)
        {
            html.Append($"<article class=\"listing-item\" data-id=\"{ad.Id}\"><a class=\"listing-item__link\" href=\"/advertentie/{ad.Id}\">");
            if (version.ImageIds.Count > 0) html.Append($"<figure><img class=\"listing-item__image\" src=\"{ImageUrl(version.ImageIds[0])}\" alt=\"\"></figure>");
            html.Append($"<h3 class=\"listing-item__heading\">{E(version.Title)}</h3></a><div class=\"listing-item__meta\">");
            if (version.City is not null) html.Append($"<span class=\"listing-item__place\">{E(version.City)}</span>");
            html.Append($"<span class=\"listing-item__date\" data-date=\"{IsoDate(version.Posted)}\">{DutchDate(version.Posted)}</span></div></article>\n");
        }
        html.Append("</div>\n");
    }

    protected override void AppendEmpty(StringBuilder html) =>
        html.Append("<div class=\"results results--empty\">Geen resultaten gevonden.</div>\n");

    protected override void AppendPager(StringBuilder html, int page, int pageCount)
    {
        html.Append("<div class=\"pager\">");
        if (page > 1) html.Append($"<a class=\"pager-back\" rel=\"prev\" href=\"{PageUrl(page - 1)}\">Terug</a>");
        if (page < pageCount) html.Append($"<a class=\"pager-forward\" rel=\"next\" href=\"{PageUrl(page + 1)}\">Meer advertenties</a>");
        html.Append("</div>\n");
    }

    protected override void AppendDetail(StringBuilder html, DemoAd ad, DemoAdVersion version)
    {
        html.Append($"<section class=\"advert\" data-id=\"{ad.Id}\">\n<header class=\"advert__head\"><h1 class=\"advert__heading\">{E(version.Title)}</h1>");
        if (version.Location is not null) html.Append($"<p class=\"advert__where\">{E(version.Location)}</p>");
        html.Append("</header>\n<dl class=\"advert__facts\">");
        if (version.City is not null) html.Append($"<dt>Plaats</dt><dd class=\"advert__place\">{E(version.City)}</dd>");
        html.Append($"<dt>Geplaatst</dt><dd class=\"advert__date\" data-date=\"{IsoDate(version.Posted)}\">{DutchDate(version.Posted)}</dd>");
        if (version.Phone is not null) html.Append($"<dt>Contact</dt><dd class=\"advert__contact\">{Phone(version.Phone, "advert__wa")}</dd>");
        html.Append("</dl>\n<div class=\"advert__description\">");
        AppendParagraphs(html, version.Body);
        html.Append("</div>\n<ul class=\"advert__photos\">");
        foreach (var image in version.ImageIds) html.Append($"<li><img class=\"advert__photo\" src=\"{ImageUrl(image)}\" alt=\"\"></li>");
        html.Append("</ul>\n</section>\n");
    }
}
