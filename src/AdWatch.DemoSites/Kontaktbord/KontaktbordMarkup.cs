using System.Globalization;
using System.Net;
using System.Text;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.DemoSites.Kontaktbord;

/// <summary>Kontaktbord's HTML. Two layouts share the page frame and notices; the renamed one is the "redesign" fault.</summary>
internal abstract class KontaktbordMarkup
{
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static KontaktbordMarkup Standard { get; } = new KontaktbordStandardMarkup();

    public static KontaktbordMarkup Renamed { get; } = new KontaktbordRenamedMarkup();

    /// <summary>One listing page; <paramref name="ads"/> empty gives the empty-listing message.</summary>
    public string Listing(IReadOnlyList<(DemoAd Ad, DemoAdVersion Version)> ads, int page, int pageCount)
    {
        var head = new StringBuilder();
        if (page > 1) head.Append($"<link rel=\"prev\" href=\"{PageUrl(page - 1)}\">\n");
        if (page < pageCount) head.Append($"<link rel=\"next\" href=\"{PageUrl(page + 1)}\">\n");
        var body = new StringBuilder("<h1 class=\"page-title\">Advertenties</h1>\n");
        if (ads.Count == 0) AppendEmpty(body);
        else AppendListing(body, ads);
        AppendPager(body, page, pageCount);
        return Page($"Advertenties – pagina {page}", head.ToString(), body.ToString());
    }

    public string Detail(DemoAd ad, DemoAdVersion version)
    {
        var body = new StringBuilder();
        AppendDetail(body, ad, version);
        body.Append("<p class=\"back\"><a href=\"/advertenties\">Terug naar het overzicht</a></p>\n");
        return Page(version.Title, "", body.ToString());
    }

    public string Expired(DemoAd ad) => Page("Advertentie verlopen", "",
        $"<div class=\"{ExpiredClass}\" data-ad-id=\"{ad.Id}\"><h1>Deze advertentie is verlopen</h1><p>Bekijk de <a href=\"/advertenties\">actuele advertenties</a>.</p></div>\n");

    public string Gone() => Page("Advertentie verwijderd", "",
        "<div class=\"notice\"><h1>Deze advertentie is verwijderd</h1><p><a href=\"/advertenties\">Naar het overzicht</a></p></div>\n");

    public string NotFound() => Page("Niet gevonden", "",
        "<div class=\"notice\"><h1>Pagina niet gevonden</h1><p><a href=\"/\">Naar de voorpagina</a></p></div>\n");

    public string Home(int adCount) => Page("Welkom", "",
        $"<h1 class=\"page-title\">Kontaktbord</h1>\n<p>Vandaag {adCount} advertenties. <a class=\"to-listing\" href=\"/advertenties\">Bekijk alle advertenties</a></p>\n");

    public string Private() => Page("Beheer", "", "<h1>Beheer</h1><p>Alleen voor beheerders.</p>\n");

    protected abstract string ExpiredClass { get; }

    protected abstract void AppendListing(StringBuilder html, IReadOnlyList<(DemoAd Ad, DemoAdVersion Version)> ads);

    protected abstract void AppendEmpty(StringBuilder html);

    protected abstract void AppendPager(StringBuilder html, int page, int pageCount);

    protected abstract void AppendDetail(StringBuilder html, DemoAd ad, DemoAdVersion version);

    protected static string PageUrl(int page) => $"/advertenties?pagina={page.ToString(CultureInfo.InvariantCulture)}";

    protected static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    protected static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string DutchDate(DateOnly date) => $"{date.Day.ToString(CultureInfo.InvariantCulture)} {Months[date.Month - 1]} {date.Year.ToString(CultureInfo.InvariantCulture)}";

    protected static string ImageUrl(string imageId) => $"/img/{imageId}.png";

    /// <summary>The phone as written; a wa.me link becomes an anchor whose text hides the number.</summary>
    protected static string Phone(string? phone, string linkClass) =>
        phone is null ? ""
        : phone.StartsWith("https://wa.me/", StringComparison.Ordinal) ? $"<a class=\"{linkClass}\" href=\"{E(phone)}\">WhatsApp mij</a>"
        : E(phone);

    protected static void AppendParagraphs(StringBuilder html, string body)
    {
        foreach (var paragraph in body.Split("\n\n")) html.Append("<p>").Append(E(paragraph)).Append("</p>");
    }

    private static string Page(string title, string head, string body) => $"""
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <title>{E(title)} – Kontaktbord</title>
        {head}</head>
        <body>
        <header class="site-header"><a class="site-logo" href="/">Kontaktbord</a></header>
        <main class="content">
        {body}</main>
        <footer class="site-footer"><a href="/prive/beheer">Beheer</a> · Alle inhoud is fictief (demo).</footer>
        </body>
        </html>
        """;
}
