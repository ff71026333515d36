using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.DemoSites.Scenario;
using static AdWatch.DemoSites.Lantaarn.LantaarnPageParts;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// Lantaarn's two front ends. The beta: an endless list rendered by script from the JSON API, and heavy ad pages whose fields are a
/// <c>&lt;dl&gt;</c> and whose id is only in an inline script. The classic: plain server-rendered tables. Same ads, different markup.
/// </summary>
internal static class LantaarnPages
{
    public static string BetaListing(string modals) => Page("Lantaarn – advertenties (beta)", "", modals, """
        <main id="lt-app" data-state="wacht">
        <h1 class="lt-title">Advertenties</h1>
        <ul class="lt-cards"></ul>
        <button type="button" class="lt-more" hidden>Meer laden</button>
        <p class="list-end" hidden>Je hebt alle advertenties gezien.</p>
        <noscript>De beta heeft JavaScript nodig; gebruik de <a href="/klassiek/">klassieke versie</a>.</noscript>
        </main>
        """, "");

    public static string BetaAd(DemoAd ad, DemoAdVersion v, DateOnly date, string modals)
    {
        var main = new StringBuilder("<main id=\"lt-app\" class=\"lt-profile\">\n<article class=\"lt-ad\">\n");
        main.Append(CultureInfo.InvariantCulture, $"<h1 class=\"lt-ad__title\">{E(v.Title)}</h1>\n");
        if (LantaarnFacts.Verified(ad.Id)) main.Append("<span class=\"badge badge--verified\" title=\"Geverifieerd\">✓ Geverifieerd</span>\n");
        main.Append("<dl class=\"lt-fields\">\n");
        foreach (var (label, value) in Fields(ad, v))
            main.Append(CultureInfo.InvariantCulture, $"<dt>{label}:</dt><dd>{E(value)}</dd>\n");
        main.Append(CultureInfo.InvariantCulture, $"<dt>Online sinds:</dt><dd><time class=\"lt-ad__posted\" datetime=\"{Iso(v.Posted)}\">{v.Posted.ToString("d-M-yyyy", CultureInfo.InvariantCulture)}</time></dd>\n</dl>\n");
        if (LantaarnFacts.RevealedPhone(v) is not null)
            main.Append("<div class=\"lt-phone\"><button type=\"button\" class=\"reveal\">Toon nummer</button><span class=\"phone--shown\" hidden></span></div>\n");
        main.Append(CultureInfo.InvariantCulture, $"<div class=\"lt-ad__text\">{Paragraphs(v.Body)}</div>\n<div class=\"lt-gallery\">");
        foreach (var image in v.ImageIds) main.Append(CultureInfo.InvariantCulture, $"<img class=\"lt-photo\" src=\"/img/{image}.png\" alt=\"\">");
        main.Append("</div>\n</article>\n</main>");

        var boot = JsonSerializer.Serialize(new { adId = ad.Id, bumpedAt = Iso(DemoBumps.BumpedAt(ad, date)), page = "profiel" });
        var scripts = $"<script>window.__LANTAARN__ = {boot};</script>\n<script type=\"application/json\" id=\"__STATE__\">{BulkState}</script>";
        return Page($"{v.Title} – Lantaarn", BulkCss, modals, main.ToString(), scripts);
    }

    public static string ClassicListing(IReadOnlyList<DemoAd> ads, DateOnly date, int page, int pageCount, string modals)
    {
        var main = new StringBuilder("<main class=\"klassiek\">\n<h1>Advertenties</h1>\n");
        if (ads.Count == 0) main.Append("<p class=\"geen\">Geen advertenties gevonden.</p>\n");
        else
        {
            main.Append("<table class=\"overzicht\">\n");
            foreach (var ad in ads)
            {
                var v = ad.VersionOn(date);
                var bumped = DemoBumps.BumpedAt(ad, date);
                main.Append(CultureInfo.InvariantCulture, $"<tr class=\"rij\" id=\"adv-{ad.Id}\"><td class=\"foto\">");
                if (v.ImageIds.Count > 0) main.Append(CultureInfo.InvariantCulture, $"<img src=\"/img/{v.ImageIds[0]}.png\" alt=\"\">");
                main.Append(CultureInfo.InvariantCulture, $"</td><td><a class=\"titel\" href=\"{LantaarnFacts.ClassicPath(ad.Id)}\">{E(v.Title)}</a>");
                if (v.City is not null) main.Append(CultureInfo.InvariantCulture, $"<br><span class=\"plaats\">{E(v.City)}</span>");
                main.Append(CultureInfo.InvariantCulture, $"</td><td class=\"datum\" data-bumped=\"{Iso(bumped)}\">{bumped.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)}</td></tr>\n");
            }
            main.Append("</table>\n");
        }
        main.Append("<div class=\"paginering\">");
        if (page > 1) main.Append(CultureInfo.InvariantCulture, $"<a class=\"vorige\" href=\"/klassiek/?pagina={page - 1}\">« Vorige</a> ");
        main.Append(CultureInfo.InvariantCulture, $"Pagina {page} van {Math.Max(1, pageCount)}");
        if (page < pageCount) main.Append(CultureInfo.InvariantCulture, $" <a class=\"volgende\" rel=\"next\" href=\"/klassiek/?pagina={page + 1}\">Volgende »</a>");
        main.Append("</div>\n</main>");
        return Page($"Lantaarn klassiek – pagina {page}", "", modals, main.ToString(), "");
    }

    public static string ClassicAd(DemoAd ad, DemoAdVersion v, string modals)
    {
        var main = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<main class=\"klassiek\">\n<div id=\"advertentie\" data-id=\"{ad.Id}\">\n<h1>{E(v.Title)}</h1>\n");
        if (LantaarnFacts.Verified(ad.Id)) main.Append("<p><b class=\"geverifieerd\" title=\"Geverifieerd\">Geverifieerd</b></p>\n");
        main.Append("<table class=\"kenmerken\">\n");
        foreach (var (label, value) in Fields(ad, v))
            main.Append(CultureInfo.InvariantCulture, $"<tr><th>{label}:</th><td>{E(value)}</td></tr>\n");
        main.Append(CultureInfo.InvariantCulture, $"<tr><th>Geplaatst:</th><td><span class=\"geplaatst\" data-date=\"{Iso(v.Posted)}\">{v.Posted.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}</span></td></tr>\n");
        if (LantaarnFacts.RevealedPhone(v) is not null)
            main.Append(CultureInfo.InvariantCulture, $"<tr><th>Telefoon:</th><td class=\"telefoon\"><a class=\"toon-nummer\" href=\"{LantaarnFacts.ClassicPath(ad.Id)}/nummer\">Toon nummer</a></td></tr>\n");
        main.Append(CultureInfo.InvariantCulture, $"</table>\n<div class=\"omschrijving\">{Paragraphs(v.Body)}</div>\n<div class=\"fotos\">");
        foreach (var image in v.ImageIds) main.Append(CultureInfo.InvariantCulture, $"<img class=\"foto\" src=\"/img/{image}.png\" alt=\"\">");
        main.Append("</div>\n</div>\n<p><a href=\"/klassiek/\">Terug naar het overzicht</a></p>\n</main>");
        return Page($"{v.Title} – Lantaarn klassiek", "", modals, main.ToString(), "");
    }

    /// <summary>The phone fragment of the classic reveal link: the number as text, or its image.</summary>
    public static string ClassicNumber(DemoAd ad, string phone) => LantaarnFacts.PhoneAsImage(ad.Id)
        ? $"<img class=\"nummer nummer--afbeelding\" src=\"/api/ads/{ad.Id}/phone.png\" alt=\"Telefoonnummer\">"
        : $"<span class=\"nummer\">{E(phone)}</span>";

    public static string Expired(bool gone, bool classic, string modals) => Page("Advertentie niet beschikbaar", "", modals,
        $"<main><div class=\"lt-expired\"><h1>{(gone ? "Deze advertentie is verwijderd" : "Deze advertentie is verlopen")}</h1>"
        + $"<p><a href=\"{(classic ? "/klassiek/" : "/")}\">Naar het overzicht</a></p></div></main>", "");

    public static string NotFound() => Page("Niet gevonden", "", "", "<main><h1>Pagina niet gevonden</h1><p><a href=\"/\">Naar de voorpagina</a></p></main>", "");

    public static string Account() => Page("Mijn account", "", "", "<main><h1>Mijn account</h1><p>Log in om je advertenties te beheren.</p></main>", "");

    /// <summary>The labelled fields; "Plaats" is the town only (the site's rule: no addresses), absent when the ad names none.</summary>
    private static IEnumerable<(string Label, string Value)> Fields(DemoAd ad, DemoAdVersion v)
    {
        if (v.City is not null) yield return ("Plaats", v.City);
        yield return ("Werkgebied", LantaarnFacts.Area(ad.Id, v.City));
        yield return ("Leeftijd", LantaarnFacts.Age(ad.Id).ToString(CultureInfo.InvariantCulture));
        yield return ("Contacturen", LantaarnFacts.ContactHours(ad.Id));
    }
}
