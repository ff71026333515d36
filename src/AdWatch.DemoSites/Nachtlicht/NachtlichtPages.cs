using System.Text.Json;

namespace AdWatch.DemoSites.Nachtlicht;

/// <summary>Nachtlicht's static parts: the HTML shell (no ad content, ever) and the script with its class map.</summary>
internal static class NachtlichtPages
{
    public const string AgeCookieName = "leeftijd";
    public const string AgeCookieValue = "18plus";

    public const string Shell = """
        <!doctype html>
        <html lang="nl">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Nachtlicht – advertenties</title>
        <style>
        body { font-family: sans-serif; margin: 0; background: #151020; color: #eee; }
        .topbar { padding: 1em; background: #2a1840; } .topbar a { color: #fc9; text-decoration: none; font-weight: bold; }
        .age-gate { max-width: 30em; margin: 4em auto; padding: 2em; background: #2a1840; text-align: center; }
        main { padding: 1em; } img { max-width: 160px; } a { color: #fc9; }
        </style>
        </head>
        <body>
        <header class="topbar"><a href="/">Nachtlicht</a></header>
        <div id="age-gate" class="age-gate">
          <h1>Alleen voor volwassenen</h1>
          <p>Deze site bevat erotische advertenties. Bevestig dat je 18 jaar of ouder bent.</p>
          <button id="age-ok" type="button">Ik ben 18+</button>
        </div>
        <main id="app" hidden></main>
        <noscript>Deze site heeft JavaScript nodig.</noscript>
        <script src="/app.js"></script>
        </body>
        </html>
        """;

    private static readonly Dictionary<string, string> StandardClasses = new()
    {
        ["pageTitle"] = "page-title", ["listTag"] = "ul", ["list"] = "ads", ["itemTag"] = "li", ["item"] = "ad",
        ["link"] = "ad__link", ["thumb"] = "ad__thumb", ["title"] = "ad__title", ["city"] = "ad__city", ["date"] = "ad__date",
        ["empty"] = "ads-empty", ["pager"] = "pager", ["prev"] = "pager__prev", ["next"] = "pager__next",
        ["detail"] = "ad-view", ["detailTitle"] = "ad-view__title", ["location"] = "ad-view__location",
        ["detailCity"] = "ad-view__city", ["detailDate"] = "ad-view__date", ["phone"] = "ad-view__phone",
        ["whatsapp"] = "ad-view__whatsapp", ["text"] = "ad-view__text", ["photos"] = "ad-view__photos",
        ["photo"] = "ad-view__photo", ["expired"] = "ad-view--expired", ["error"] = "load-error",
    };

    private static readonly Dictionary<string, string> RenamedClasses = new()
    {
        ["pageTitle"] = "hdr", ["listTag"] = "div", ["list"] = "grid", ["itemTag"] = "section", ["item"] = "tile",
        ["link"] = "tile-a", ["thumb"] = "tile-img", ["title"] = "tile-name", ["city"] = "tile-loc", ["date"] = "tile-when",
        ["empty"] = "grid-empty", ["pager"] = "paging", ["prev"] = "paging-l", ["next"] = "paging-r",
        ["detail"] = "profile", ["detailTitle"] = "profile-name", ["location"] = "profile-address",
        ["detailCity"] = "profile-town", ["detailDate"] = "profile-since", ["phone"] = "profile-contact",
        ["whatsapp"] = "profile-wa", ["text"] = "profile-about", ["photos"] = "profile-pics",
        ["photo"] = "profile-pic", ["expired"] = "profile-gone", ["error"] = "oops",
    };

    private static readonly string ScriptTemplate = ReadScript();
    private static readonly string StandardScript = ScriptTemplate.Replace("/*CLASSES*/{}", JsonSerializer.Serialize(StandardClasses), StringComparison.Ordinal);
    private static readonly string RenamedScript = ScriptTemplate.Replace("/*CLASSES*/{}", JsonSerializer.Serialize(RenamedClasses), StringComparison.Ordinal);

    public static string Script(bool renamed) => renamed ? RenamedScript : StandardScript;

    private static string ReadScript()
    {
        using var stream = typeof(NachtlichtPages).Assembly.GetManifestResourceStream("nachtlicht/app.js")
            ?? throw new InvalidOperationException("Embedded resource nachtlicht/app.js is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
