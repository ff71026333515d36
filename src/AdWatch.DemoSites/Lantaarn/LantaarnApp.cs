using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Lantaarn;

/// <summary>
/// Site (c), Lantaarn: a beta front end (script-rendered endless list over <c>/api/ads</c>, heavy ad pages under opaque
/// <c>/profiel/{token}</c> URLs) and a classic one under <c>/klassiek/</c>. Consent modals per session, the phone behind
/// "Toon nummer" (text or PNG, after a delay), listing order by paid bumps. See the README's Lantaarn section.
/// </summary>
internal sealed class LantaarnApp : DemoSiteApp
{
    private const string ApiPrefix = "/api/ads/";
    private const string ClassicDetailPrefix = "/klassiek/advertentie/";
    private const string BetaDetailPrefix = "/profiel/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Served as application/json only, never inlined in HTML: readable UTF-8 is safe here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly LantaarnConsent _consent;
    private readonly LantaarnPhoneImage _phoneImages = new();
    private readonly Lazy<Dictionary<string, DemoAd>> _byToken;

    public LantaarnApp(DemoSiteContext context) : base(context)
    {
        _consent = new LantaarnConsent(context.Options.LantaarnConsentSeed);
        _byToken = new Lazy<Dictionary<string, DemoAd>>(() => context.Scenario.Ads.Where(a => a.IsOn(DemoSiteKind.Lantaarn))
            .ToDictionary(a => LantaarnFacts.Token(a.Id), StringComparer.Ordinal));
    }

    public override DemoRequestKind Classify(string path) => path switch
    {
        "/" => DemoRequestKind.Shell,
        "/robots.txt" => DemoRequestKind.Robots,
        "/static/lantaarn.js" => DemoRequestKind.Script,
        "/api/ads" => DemoRequestKind.ApiListing,
        "/klassiek" or "/klassiek/" => DemoRequestKind.Listing,
        _ when path.StartsWith(ApiPrefix, StringComparison.Ordinal) && path.EndsWith("/reveal", StringComparison.Ordinal) => DemoRequestKind.Reveal,
        _ when path.StartsWith(ApiPrefix, StringComparison.Ordinal) && path.EndsWith("/phone.png", StringComparison.Ordinal) => DemoRequestKind.Image,
        _ when path.StartsWith(ClassicDetailPrefix, StringComparison.Ordinal) && path.EndsWith("/nummer", StringComparison.Ordinal) => DemoRequestKind.Reveal,
        _ when path.StartsWith(ClassicDetailPrefix, StringComparison.Ordinal) || path.StartsWith(BetaDetailPrefix, StringComparison.Ordinal) => DemoRequestKind.Detail,
        _ when path.StartsWith("/img/", StringComparison.Ordinal) => DemoRequestKind.Image,
        _ when path.StartsWith("/account/", StringComparison.Ordinal) => DemoRequestKind.Private,
        _ => DemoRequestKind.Other,
    };

    public override async Task HandleAsync(HttpContext http)
    {
        if (!IsReadMethod(http))
        {
            await Html(http, StatusCodes.Status405MethodNotAllowed, LantaarnPages.NotFound());
            return;
        }
        var path = http.Request.Path.Value ?? "/";
        switch (Classify(path))
        {
            case DemoRequestKind.Shell:
                await Html(http, 200, LantaarnPages.BetaListing(Modals(http)));
                break;
            case DemoRequestKind.Robots:
                await RobotsAsync(http, "/account/");
                break;
            case DemoRequestKind.Script:
                http.Response.Headers.CacheControl = "no-store";
                await DemoResponses.WriteAsync(http, 200, "text/javascript; charset=utf-8", Script);
                break;
            case DemoRequestKind.ApiListing:
                await ApiListingAsync(http);
                break;
            case DemoRequestKind.Listing:
                await ClassicListingAsync(http);
                break;
            case DemoRequestKind.Reveal when path.StartsWith(ApiPrefix, StringComparison.Ordinal):
                await RevealAsync(http, path[ApiPrefix.Length..^"/reveal".Length], classic: false);
                break;
            case DemoRequestKind.Reveal:
                await RevealAsync(http, path[ClassicDetailPrefix.Length..^"/nummer".Length], classic: true);
                break;
            case DemoRequestKind.Detail when path.StartsWith(BetaDetailPrefix, StringComparison.Ordinal):
                await DetailAsync(http, _byToken.Value.GetValueOrDefault(path[BetaDetailPrefix.Length..]), classic: false);
                break;
            case DemoRequestKind.Detail:
                await DetailAsync(http, Context.Scenario.FindAd(path[ClassicDetailPrefix.Length..]), classic: true);
                break;
            case DemoRequestKind.Image when path.StartsWith(ApiPrefix, StringComparison.Ordinal):
                await PhonePngAsync(http, path[ApiPrefix.Length..^"/phone.png".Length]);
                break;
            case DemoRequestKind.Private:
                await Html(http, 200, LantaarnPages.Account());
                break;
            default:
                if (!await TryImageAsync(http, path)) await Html(http, 404, LantaarnPages.NotFound());
                break;
        }
    }

    private static readonly string Script = ReadScript();

    private string Modals(HttpContext http)
    {
        var session = _consent.Session(http);
        var (age, cookies) = _consent.Modals(http, session, Context.Site.Faults.ConsentModals);
        return LantaarnPageParts.Modals(age, cookies);
    }

    private Task ApiListingAsync(HttpContext http)
    {
        if (!TryPage(http, "page", out var page))
            return WriteJson(http, StatusCodes.Status400BadRequest, new { error = "invalid-page" });
        var date = Today;
        var all = Context.Scenario.Listing(DemoSiteKind.Lantaarn, date);
        var size = Context.Options.LantaarnPageSize;
        var ads = all.Skip((page - 1) * size).Take(size).Select(ad =>
        {
            var v = ad.VersionOn(date);
            return new LantaarnAdSummary(ad.Id, LantaarnFacts.BetaPath(ad.Id), v.Title, v.City, LantaarnPageParts.Iso(DemoBumps.BumpedAt(ad, date)),
                v.ImageIds.Count > 0 ? $"/img/{v.ImageIds[0]}.png" : null);
        }).ToArray();
        var next = (long)page * size < all.Count ? $"/api/ads?page={(page + 1).ToString(CultureInfo.InvariantCulture)}" : null;
        return WriteJson(http, 200, new LantaarnListingPage(ads, next));
    }

    private Task ClassicListingAsync(HttpContext http)
    {
        if (!TryPage(http, "pagina", out var page))
            return Html(http, 404, LantaarnPages.NotFound());
        var date = Today;
        var all = Context.Scenario.Listing(DemoSiteKind.Lantaarn, date);
        var size = Context.Options.LantaarnPageSize;
        var pageCount = (all.Count + size - 1) / size;
        var ads = page > pageCount ? [] : all.Skip((page - 1) * size).Take(size).ToArray();
        return Html(http, 200, LantaarnPages.ClassicListing(ads, date, page, pageCount, Modals(http)));
    }

    private Task DetailAsync(HttpContext http, DemoAd? ad, bool classic)
    {
        var date = Today;
        if (ad is null || !ad.IsOn(DemoSiteKind.Lantaarn) || ad.StatusOn(date) == DemoAdStatus.NotYetOnline)
            return Html(http, 404, LantaarnPages.NotFound());
        var modals = Modals(http);
        if (ad.StatusOn(date) == DemoAdStatus.Offline)
        {
            var gone = ad.Expiry == DemoExpiryStyle.Gone;
            return Html(http, gone ? 410 : 200, LantaarnPages.Expired(gone, classic, modals));
        }
        var v = ad.VersionOn(date);
        return Html(http, 200, classic ? LantaarnPages.ClassicAd(ad, v, modals) : LantaarnPages.BetaAd(ad, v, date, modals));
    }

    /// <summary>The phone of an online Lantaarn ad (text or image), after its 300–800 ms delay.</summary>
    private async Task RevealAsync(HttpContext http, string id, bool classic)
    {
        var ad = Context.Scenario.FindAd(id);
        var date = Today;
        var phone = ad is not null && ad.IsOn(DemoSiteKind.Lantaarn) && ad.StatusOn(date) == DemoAdStatus.Online
            ? LantaarnFacts.RevealedPhone(ad.VersionOn(date)) : null;
        if (ad is null || phone is null)
        {
            await (classic ? Html(http, 404, "<span class=\"nummer-fout\">Nummer niet beschikbaar</span>") : WriteJson(http, 404, new { error = "not-found" }));
            return;
        }
        // Real time on purpose: the delay is what a browser waits for, and a fake TimeProvider in a test must not stall it.
        if (Context.Options.LantaarnRevealDelay) await Task.Delay(LantaarnFacts.RevealDelay(ad.Id), http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        if (classic) await Html(http, 200, LantaarnPages.ClassicNumber(ad, phone));
        else if (LantaarnFacts.PhoneAsImage(ad.Id)) await WriteJson(http, 200, new { image = $"/api/ads/{ad.Id}/phone.png" });
        else await WriteJson(http, 200, new { phone });
    }

    private async Task PhonePngAsync(HttpContext http, string id)
    {
        var ad = Context.Scenario.FindAd(id);
        var date = Today;
        var phone = ad is not null && ad.IsOn(DemoSiteKind.Lantaarn) && LantaarnFacts.PhoneAsImage(ad.Id) && ad.StatusOn(date) == DemoAdStatus.Online
            ? LantaarnFacts.RevealedPhone(ad.VersionOn(date)) : null;
        if (phone is null)
        {
            await Html(http, 404, LantaarnPages.NotFound());
            return;
        }
        http.Response.Headers.CacheControl = "no-store";
        await DemoResponses.WriteAsync(http, 200, "image/png", _phoneImages.Png(phone));
    }

    private static Task Html(HttpContext http, int status, string html) => DemoResponses.WriteAsync(http, status, DemoResponses.Html, html);

    private static Task WriteJson<T>(HttpContext http, int status, T body) =>
        DemoResponses.WriteAsync(http, status, DemoResponses.Json, JsonSerializer.SerializeToUtf8Bytes(body, Json));

    private static string ReadScript()
    {
        using var stream = typeof(LantaarnApp).Assembly.GetManifestResourceStream("lantaarn/lantaarn.js")
            ?? throw new InvalidOperationException("Embedded resource lantaarn/lantaarn.js is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
