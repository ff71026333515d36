using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AdWatch.Analysis;
using AdWatch.Html;
using AdWatch.Review;
using AdWatch.Storage;

namespace AdWatch.Exports.Dossier;

/// <summary>
/// The evidence dossier of a lead as one self-contained, printable HTML document: location, reasons, stays timeline, ads
/// with capture times and the SHA-256 of their evidence, phones and review notes, under a "for human review" banner.
/// Every text that may come from an ad (labels, URLs, notes) is HTML-encoded, its bidi controls shown as markers; there is no script and nothing is loaded
/// from elsewhere, so Chromium prints it with JavaScript off and the network blocked. Care first: the referral information
/// for the location's municipality (<see cref="ReferralDirectory"/>) comes right under the title, on the first page, in nl/en
/// and, compactly, in es and pt for handing to the person at a control.
/// </summary>
public sealed partial class DossierDocument(ReferralDirectory referrals)
{
    /// <summary>With the shipped <c>config/referrals.yaml</c>, for callers outside the container.</summary>
    public DossierDocument()
        : this(ReferralDirectory.Default())
    {
    }

    public const string BannerDutch = "Voor menselijke beoordeling — geen bewijs van strafbaar handelen";
    public const string BannerEnglish = "For human review — not evidence of a criminal offence";

    // All of Unicode stays readable (Dutch text, the banner's dash); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public string Render(LocationDossier dossier, DateTimeOffset printedAt)
    {
        var place = dossier.Place;
        var flag = dossier.Flag;
        var b = new StringBuilder(32 * 1024);
        b.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<title>").Append(E("AdWatch dossier " + (flag is null ? "" : Lead.IdOf(flag.Id)))).Append("</title><style>").Append(Style)
            .Append("</style></head><body>");
        b.Append("<p class=\"banner\" role=\"note\">").Append(E(BannerDutch)).Append("<br>").Append(E(BannerEnglish)).Append("</p>");
        b.Append("<h1>AdWatch dossier — ").Append(Cell(dossier.Label)).Append("</h1>");
        Referral(b, referrals.For(place.MunicipalityCode));
        b.Append("<dl>");
        Item(b, "Signaal / lead", flag is null ? "—" : Lead.IdOf(flag.Id));
        Item(b, "Status", flag is null ? "—" : flag.Status.ToText() + (flag.Active ? "" : " (niet meer actueel / no longer current)"));
        Item(b, "Score", flag?.Score.ToString("0.00", CultureInfo.InvariantCulture) ?? "—");
        // An unresolved location has no address: the dossier says so, with its town, and shows no street, postcode or point.
        Item(b, "Adres / address", dossier.IsUnresolved
            ? $"adres onbekend, {place.Town} / address unknown, {place.Town}"
            : string.Join(" ", new[] { place.Street, place.HouseNumber, place.Postcode, place.Town }.Where(s => !string.IsNullOrWhiteSpace(s))));
        Item(b, "Precisie / precision", place.Precision.ToText());
        // BAG ids as text (the printed document links nowhere); none for an unresolved location or an offline-geocoded place.
        if (!dossier.IsUnresolved && new[] { place.NummeraanduidingId, place.AdresseerbaarObjectId }.OfType<string>().ToList() is { Count: > 0 } bag)
        {
            Item(b, "BAG", string.Join(", ", bag.Select(Geocoding.BagIds.Label)));
        }
        if (!dossier.IsUnresolved && place.Gebruiksdoel is { } gebruiksdoel)
        {
            Item(b, "Gebruiksdoel / use (BAG)", gebruiksdoel);
        }
        Item(b, "Gemeente / municipality", place.MunicipalityCode ?? "");
        Item(b, "Coördinaten (WGS84)", place is { Lat: { } lat, Lon: { } lon } && !dossier.IsUnresolved
            ? lat.ToString("0.00000", CultureInfo.InvariantCulture) + ", " + lon.ToString("0.00000", CultureInfo.InvariantCulture) : "");
        Item(b, "Activiteit / activity", T(dossier.FirstSeen) + " – " + T(dossier.LastSeen));
        Item(b, "Eerst gemarkeerd / first flagged", flag is null ? "—" : T(flag.FirstFlaggedAt));
        Item(b, "Berekend / computed", flag is null ? "—" : T(flag.ComputedAt));
        Item(b, "Afgedrukt / printed", T(printedAt));
        b.Append("</dl>");

        b.Append("<h2>Redenen / reasons</h2><ul>");
        foreach (var r in dossier.Reasons)
        {
            b.Append("<li><strong>").Append(E(r.Code)).Append("</strong>: ").Append(E(r.Dutch)).Append("<br><em>").Append(E(r.English)).Append("</em></li>");
        }
        b.Append("</ul>");

        Table(b, "Verblijven / stays", ["Adverteerder / advertiser", "Van / from", "Tot / until", "Dagen / days", "Advertenties / ads", "Koppeling / link"],
            dossier.Stays.Select(s => new[] { s.AdvertiserLabel, D(s.Start), D(s.End), s.Days.ToString(CultureInfo.InvariantCulture),
                s.AdCount.ToString(CultureInfo.InvariantCulture), s.LinkKind }));
        // Photos are named by the SHA-256 of the copy AdWatch kept (shown on the dashboard), not printed: the document
        // leaves AdWatch, and it loads nothing, not even a stored image.
        Table(b, "Advertenties en bewijs / ads and evidence", ["#", "Site", "URL", "Titel / title", "Eerst / first seen", "Laatst / last seen",
                "Vastleggingen / captures (SHA-256)", "Foto's / photos (SHA-256)"],
            dossier.Ads.Select(a => new[] { a.AdId.ToString(CultureInfo.InvariantCulture), a.Site, a.Url, a.Title ?? "", T(a.FirstSeen), T(a.LastSeen),
                string.Join("\n", a.Captures.Select(c => (c.CapturedAt is { } at ? T(at) : T(c.FirstSeen)) + "  " + (c.EvidenceSha256 ?? "—"))),
                a.PhotoSha256.OfType<string>().Any() ? string.Join("\n", a.PhotoSha256.OfType<string>()) : "—" }));
        Table(b, "Telefoonnummers / phones", ["E.164", "Status", "Hier / here", "Totaal / total", "Elders gezien / seen elsewhere"],
            dossier.Phones.Select(p => new[] { p.E164, p.Status, p.AdsHere.ToString(CultureInfo.InvariantCulture), p.AdsTotal.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", p.Elsewhere.Select(e => e.PlaceLabel)) }));
        // As on the dossier page: the linked locations, then the operators (one booking phone behind several advertisers here).
        Table(b, "Gekoppelde locaties en tussenpersonen / linked locations and operators", ["Locatie of tussenpersoon / location or operator", "Via", "Gedeelde adverteerders / shared advertisers"],
            dossier.LinkedLocations.Select(l => new[] { l.Label, l.Via, l.SharedAdvertisers.ToString(CultureInfo.InvariantCulture) })
                .Concat(dossier.Operators.Select(o => new[] { "Tussenpersoon / operator " + o.Phone, "operator", string.Join(", ", o.Advertisers) })));
        Table(b, "Beoordeling / review", ["Wanneer / when", "Wie / who", "Van / from", "Naar / to", "Notitie / note"],
            dossier.Reviews.Select(r => new[] { T(r.At), r.Actor, r.FromStatus.ToText(), r.ToStatus.ToText(), r.Note ?? "" }));
        b.Append("<p class=\"banner\">").Append(E(BannerDutch)).Append("</p></body></html>");
        return b.ToString();
    }

    /// <summary>The "Hulp en melden / Help and reporting" block: each contact in nl with its English text, then es and pt.</summary>
    private static void Referral(StringBuilder b, ReferralSet set)
    {
        b.Append("<section class=\"referral\" id=\"referral\"><h2>").Append(E(ReferralLanguages.Heading["nl"] + " / " + ReferralLanguages.Heading["en"])).Append("</h2>");
        b.Append("<p>").Append(E(ReferralLanguages.Emergency["nl"] + " " + ReferralLanguages.Emergency["en"])).Append("</p><ul>");
        foreach (var c in set.Contacts)
        {
            b.Append("<li><strong>").Append(E(c.Name)).Append("</strong>");
            if (c.Example)
            {
                b.Append(" <span class=\"example\">").Append(E(ReferralLanguages.ExampleWarning)).Append("</span>");
            }
            b.Append("<br>").Append(E(Channels(c, "nl")));
            if (c.HoursIn("nl") is { } hours)
            {
                b.Append("<br>").Append(E(ReferralLanguages.Labels["nl"].Hours + " / " + ReferralLanguages.Labels["en"].Hours + ": " + hours));
            }
            b.Append("<br>").Append(E(c.Text("nl"))).Append("<br><em>").Append(E(c.Text("en"))).Append("</em></li>");
        }
        b.Append("</ul><div class=\"referral-other\">");
        foreach (var language in new[] { "es", "pt" })
        {
            b.Append("<p lang=\"").Append(language).Append("\"><strong>").Append(E(ReferralLanguages.Heading[language])).Append("</strong> ")
                .Append(E(ReferralLanguages.Emergency[language]));
            foreach (var c in set.Contacts)
            {
                b.Append("<br><strong>").Append(E(c.Name)).Append("</strong> — ").Append(E(Channels(c, language)));
                if (c.HoursIn(language) is { } hours)
                {
                    b.Append(" — ").Append(E(ReferralLanguages.Labels[language].Hours + ": " + hours));
                }
                b.Append(". ").Append(E(c.Text(language)));
            }
            b.Append("</p>");
        }
        b.Append("</div></section>");
    }

    private static string Channels(ReferralContact c, string language)
    {
        var labels = ReferralLanguages.Labels[language];
        return string.Join(" · ", new[]
        {
            c.Phone is null ? null : labels.Phone + " " + c.Phone,
            c.Email is null ? null : labels.Email + " " + c.Email,
            c.Url is null ? null : labels.Url + " " + c.Url,
        }.OfType<string>());
    }

    private static void Item(StringBuilder b, string name, string value) =>
        b.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>");

    private static void Table(StringBuilder b, string title, string[] headers, IEnumerable<string[]> rows)
    {
        b.Append("<h2>").Append(E(title)).Append("</h2><table><thead><tr>");
        foreach (var h in headers)
        {
            b.Append("<th>").Append(E(h)).Append("</th>");
        }
        b.Append("</tr></thead><tbody>");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            b.Append("<tr>");
            foreach (var cell in row)
            {
                b.Append("<td>").Append(Cell(cell)).Append("</td>");
            }
            b.Append("</tr>");
        }
        if (!any)
        {
            b.Append("<tr><td colspan=\"").Append(headers.Length).Append("\">—</td></tr>");
        }
        b.Append("</tbody></table>");
    }

    // Every text through VisibleText: a bidi control (U+202E) from an ad is printed as a marker, never reorders a cell.
    private static string E(string text) => Html.Encode(VisibleText.Show(text)!);

    /// <summary>
    /// A cell's text, encoded: each E.164 number kept on one line (cells otherwise break anywhere, so a narrow column
    /// printed "+3161555056 / 5", two numbers), and emoji shown with <see cref="Emoji"/>.
    /// </summary>
    private static string Cell(string text)
    {
        var b = new StringBuilder();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in PhonePattern().Matches(text))
        {
            b.Append(Emoji(text[at..m.Index])).Append("<span class=\"nowrap\">").Append(E(m.Value)).Append("</span>");
            at = m.Index + m.Length;
        }
        return b.Append(Emoji(text[at..])).ToString();
    }

    /// <summary>
    /// Text, encoded, each emoji followed by its code point (<c>💋 (U+1F48B)</c>): a server without an emoji font
    /// prints no glyph at all, and a printed or black-and-white copy must still say what the ad showed.
    /// </summary>
    private static string Emoji(string text)
    {
        if (!text.EnumerateRunes().Any(IsEmoji))
        {
            return E(text);
        }
        var b = new StringBuilder(text.Length + 32);
        var plain = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsEmoji(rune))
            {
                b.Append(E(plain.ToString())).Append("<span class=\"emoji\">").Append(E(rune.ToString())).Append("</span><span class=\"cp\"> (U+")
                    .Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append(")</span>");
                plain.Clear();
            }
            else
            {
                plain.Append(rune.ToString());
            }
        }
        return b.Append(E(plain.ToString())).ToString();
    }

    /// <summary>Pictographs (U+1F000 and up) and the older dingbat and symbol blocks emoji use; not letters, digits or punctuation.</summary>
    private static bool IsEmoji(System.Text.Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.OtherSymbol
        && (rune.Value >= 0x1F000 || rune.Value is >= 0x2600 and <= 0x27BF or >= 0x2B00 and <= 0x2BFF);

    [System.Text.RegularExpressions.GeneratedRegex(@"\+[0-9]{6,15}", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PhonePattern();

    private static string T(DateTimeOffset at) => AnalysisReport.Time(at);

    private static string D(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // No ligatures: a SHA-256 with "ff" or "fi" in it must read, and copy, as those letters, not as one glyph (U+FB00).
    private const string Style = """
        body{font-family:"DejaVu Sans",Arial,sans-serif,"Noto Color Emoji";font-size:10pt;margin:0;font-variant-ligatures:none}
        .banner{border:2px solid #a00;background:#fee;color:#700;padding:6pt;font-weight:bold;text-align:center}
        h1{font-size:15pt}h2{font-size:12pt;margin-top:14pt}
        dl{display:grid;grid-template-columns:max-content auto;gap:2pt 10pt}dt{font-weight:bold}dd{margin:0}
        table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:2pt 4pt;text-align:left;vertical-align:top;word-break:break-all;white-space:pre-line}
        span.nowrap{white-space:nowrap;word-break:keep-all}.cp{font-size:7pt;color:#444}
        .emoji{font-family:"Noto Color Emoji","Apple Color Emoji","Segoe UI Emoji","Symbola",sans-serif}
        thead{display:table-header-group}tr{page-break-inside:avoid}
        .referral{border:2px solid #064;background:#efe;padding:4pt 8pt;margin:8pt 0;page-break-inside:avoid}
        .referral h2{margin-top:2pt}.referral ul{margin:2pt 0;padding-left:14pt}.referral li{margin-bottom:3pt}
        .referral .example{color:#a00;font-weight:bold}.referral-other{font-size:8.5pt;border-top:1px solid #064}
        """;
}
