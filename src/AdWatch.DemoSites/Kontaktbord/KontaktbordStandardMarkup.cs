using System.Text;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Kontaktbord;

/// <summary>The normal Kontaktbord layout (selectors documented in README).</summary>
internal sealed class KontaktbordStandardMarkup : KontaktbordMarkup
{
    protected override string ExpiredClass => "ad-expired";

    protected override void AppendListing(StringBuilder html, IReadOnlyList<(DemoAd Ad, DemoAdVersion Version)> ads)
    {
        html.Append("<ul class=\"ad-list\">\n");
        foreach (var (ad, version) in ads)
        {
            html.Append($"<li class=\"ad-card\" data-ad-id=\"{ad.Id}\"><a class=\"ad-link\" href=\"/advertentie/{ad.Id}\">");
            if (version.ImageIds.Count > 0) html.Append($"<img class=\"ad-thumb\" src=\"{ImageUrl(version.ImageIds[0])}\" alt=\"\" width=\"160\" height=\"120\">");
            html.Append($"<h2 class=\"ad-title\">{E(version.Title)}</h2></a>");
            if (version.City is not null) html.Append($"<span class=\"ad-city\">{E(version.City)}</span>");
            html.Append($"<time class=\"ad-posted\" datetime=\"{IsoDate(version.Posted)}\">{DutchDate(version.Posted)}</time></li>\n");
        }
        html.Append("</ul>\n");
    }

    protected override void AppendEmpty(StringBuilder html) =>
        html.Append("<p class=\"no-ads\">Er zijn op dit moment geen advertenties.</p>\n");

    protected override void AppendPager(StringBuilder html, int page, int pageCount)
    {
        html.Append("<nav class=\"pagination\">");
        if (page > 1) html.Append($"<a class=\"page-prev\" rel=\"prev\" href=\"{PageUrl(page - 1)}\">« Vorige</a>");
        html.Append($"<span class=\"page-current\">Pagina {page} van {Math.Max(pageCount, 1)}</span>");
        if (page < pageCount) html.Append($"<a class=\"page-next\" rel=\"next\" href=\"{PageUrl(page + 1)}\">Volgende »</a>");
        html.Append("</nav>\n");
    }

    protected override void AppendDetail(StringBuilder html, DemoAd ad, DemoAdVersion version)
    {
        html.Append($"<article class=\"ad-detail\" data-ad-id=\"{ad.Id}\">\n<h1 class=\"ad-title\">{E(version.Title)}</h1>\n<div class=\"ad-meta\">");
        if (version.Location is not null) html.Append($"<span class=\"ad-location\">{E(version.Location)}</span>");
        if (version.City is not null) html.Append($"<span class=\"ad-city\">{E(version.City)}</span>");
        html.Append($"<time class=\"ad-posted\" datetime=\"{IsoDate(version.Posted)}\">{DutchDate(version.Posted)}</time></div>\n");
        if (version.Phone is not null) html.Append($"<div class=\"ad-phone\">{Phone(version.Phone, "ad-whatsapp")}</div>\n");
        html.Append("<div class=\"ad-body\">");
        AppendParagraphs(html, version.Body);
        html.Append("</div>\n<div class=\"ad-gallery\">");
        foreach (var image in version.ImageIds) html.Append($"<img class=\"ad-photo\" src=\"{ImageUrl(image)}\" alt=\"\">");
        html.Append("</div>\n</article>\n");
    }
}
