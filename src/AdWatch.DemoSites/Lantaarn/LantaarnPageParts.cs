using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// What both front ends share: the page frame, the two consent modals, and the bulk real beta pages carry (a large stylesheet
/// and an inline JSON state) that makes a beta ad page weigh more than 300 KB.
/// </summary>
internal static class LantaarnPageParts
{
    /// <summary>About 170 KB of utility classes, the same on every page (a CSS framework inlined for "performance").</summary>
    public static readonly string BulkCss = BuildCss();

    /// <summary>About 170 KB of inline JSON state: translations and experiment flags, no ad content.</summary>
    public static readonly string BulkState = BuildState();

    public const string BaseCss = """
        body { font-family: sans-serif; margin: 0; background: #fffaf0; color: #222; }
        .lt-top { padding: .8em 1em; background: #3b2a10; } .lt-top a { color: #ffd27a; font-weight: bold; text-decoration: none; }
        .lt-beta { color: #fff; font-size: .8em; } main { padding: 1em; } img { max-width: 160px; }
        .lt-modal { position: fixed; inset: 0; background: rgba(0,0,0,.7); display: flex; align-items: center; justify-content: center; z-index: 10; }
        .lt-modal[hidden] { display: none; } .lt-modal__box { background: #fff; padding: 2em; max-width: 28em; text-align: center; }
        .lt-cards { list-style: none; padding: 0; } .ad-card { padding: .5em 0; border-bottom: 1px solid #ddd; }
        .badge--verified { background: #2a7; color: #fff; padding: 0 .4em; border-radius: .3em; }
        """;

    public static string Page(string title, string css, string modals, string main, string scripts) => $"""
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)}</title>
        <style>
        {BaseCss}{css}
        </style>
        </head>
        <body>
        <header class="lt-top"><a href="/">Lantaarn</a> <span class="lt-beta">beta</span> · <a class="lt-to-classic" href="/klassiek/">Klassieke versie</a></header>
        {modals}
        {main}
        <footer class="lt-footer"><a href="/account/">Mijn account</a> · <a href="/klassiek/">Klassiek</a></footer>
        {scripts}
        <script src="/static/lantaarn.js"></script>
        </body>
        </html>
        """;

    /// <summary>The age gate and then the cookie wall; the second waits (hidden) until the first is dismissed.</summary>
    public static string Modals(bool age, bool cookies)
    {
        var html = new StringBuilder();
        if (age)
        {
            html.Append("""
                <div class="lt-modal" id="lt-leeftijd" role="dialog" aria-modal="true" aria-labelledby="lt-leeftijd-kop"><div class="lt-modal__box">
                <h2 id="lt-leeftijd-kop">Alleen voor volwassenen</h2><p>Op Lantaarn staan erotische advertenties. Ben je 18 jaar of ouder?</p>
                <button type="button" class="lt-modal__ok" data-cookie="lt_18=ja">Ik ben 18+</button> <button type="button" class="lt-modal__no">Nee</button>
                </div></div>
                """).Append('\n');
        }
        if (cookies)
        {
            html.Append($"""
                <div class="lt-modal" id="lt-cookies" role="dialog" aria-modal="true" aria-labelledby="lt-cookies-kop"{(age ? " hidden" : "")}><div class="lt-modal__box">
                <h2 id="lt-cookies-kop">Cookies</h2><p>Wij gebruiken cookies voor statistiek en om je voorkeuren te onthouden.</p>
                <button type="button" class="lt-modal__ok" data-cookie="lt_cookies=alles">Accepteer alles</button> <button type="button" class="lt-modal__min" data-cookie="lt_cookies=noodzakelijk">Alleen noodzakelijke</button>
                </div></div>
                """).Append('\n');
        }
        return html.ToString();
    }

    public static string Paragraphs(string body) =>
        string.Concat(body.Split("\n\n").Select(p => $"<p>{E(p)}</p>"));

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string BuildCss()
    {
        var css = new StringBuilder(180_000);
        string[] props = ["margin", "padding", "gap", "inset", "border-width"];
        for (var i = 0; i < 3600; i++)
        {
            css.Append(CultureInfo.InvariantCulture, $".u-{props[i % props.Length]}-{i}{{{props[i % props.Length]}:{i % 97 / 4.0:0.##}rem}}");
            if (i % 8 == 7) css.Append('\n');
        }
        return css.ToString();
    }

    private static string BuildState()
    {
        var i18n = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 2600; i++)
            i18n[$"lt.ui.label.{i:D4}"] = $"Interfacetekst nummer {i} in het Nederlands (vertaling volgt)";
        var experiments = Enumerable.Range(0, 200).Select(i => new { key = $"exp-{i:D3}", variant = i % 3 == 0 ? "b" : "a" }).ToArray();
        return JsonSerializer.Serialize(new { version = 14, i18n, experiments });
    }
}
