using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Nachtlicht;

/// <summary>
/// Site (b), Nachtlicht: every HTML page is the same empty shell; the script renders the listing or an ad from the JSON
/// API once the 18+ gate is passed. The API answers 403 without the age cookie.
/// </summary>
internal sealed class NachtlichtApp(DemoSiteContext context) : DemoSiteApp(context)
{
    private const string ApiDetailPrefix = "/api/ads/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Served as application/json only, never inlined in HTML: readable UTF-8 is safe here.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override DemoRequestKind Classify(string path) => path switch
    {
        "/" => DemoRequestKind.Shell,
        "/robots.txt" => DemoRequestKind.Robots,
        "/app.js" => DemoRequestKind.Script,
        "/api/ads" => DemoRequestKind.ApiListing,
        _ when path.StartsWith(ApiDetailPrefix, StringComparison.Ordinal) => DemoRequestKind.ApiDetail,
        _ when path.StartsWith("/ad/", StringComparison.Ordinal) => DemoRequestKind.Shell,
        _ when path.StartsWith("/img/", StringComparison.Ordinal) => DemoRequestKind.Image,
        _ when path.StartsWith("/beheer/", StringComparison.Ordinal) => DemoRequestKind.Private,
        _ => DemoRequestKind.Other,
    };

    public override async Task HandleAsync(HttpContext http)
    {
        if (!IsReadMethod(http))
        {
            await WriteJson(http, StatusCodes.Status405MethodNotAllowed, new { error = "method-not-allowed" });
            return;
        }
        var path = http.Request.Path.Value ?? "/";
        switch (Classify(path))
        {
            case DemoRequestKind.Shell:
                await DemoResponses.WriteAsync(http, 200, DemoResponses.Html, NachtlichtPages.Shell);
                break;
            case DemoRequestKind.Robots:
                await RobotsAsync(http, "/beheer/");
                break;
            case DemoRequestKind.Script:
                http.Response.Headers.CacheControl = "no-store";
                await DemoResponses.WriteAsync(http, 200, "text/javascript; charset=utf-8", NachtlichtPages.Script(Context.Site.Faults.RenamedClasses));
                break;
            case DemoRequestKind.ApiListing:
                await (HasAgeCookie(http) ? ListingAsync(http) : AgeRequiredAsync(http));
                break;
            case DemoRequestKind.ApiDetail:
                await (HasAgeCookie(http) ? DetailAsync(http, path[ApiDetailPrefix.Length..]) : AgeRequiredAsync(http));
                break;
            case DemoRequestKind.Private:
                await DemoResponses.WriteAsync(http, 200, DemoResponses.Html, "<!doctype html><html lang=\"nl\"><head><title>Beheer</title></head><body><h1>Beheer</h1></body></html>");
                break;
            default:
                if (!await TryImageAsync(http, path))
                    await DemoResponses.WriteAsync(http, 404, DemoResponses.Html, "<!doctype html><html lang=\"nl\"><head><title>Niet gevonden</title></head><body><h1>Pagina niet gevonden</h1></body></html>");
                break;
        }
    }

    private static bool HasAgeCookie(HttpContext http) =>
        http.Request.Cookies.TryGetValue(NachtlichtPages.AgeCookieName, out var value) && value == NachtlichtPages.AgeCookieValue;

    private static Task AgeRequiredAsync(HttpContext http) => WriteJson(http, StatusCodes.Status403Forbidden, new { error = "age-verification-required" });

    private Task ListingAsync(HttpContext http)
    {
        if (!TryPage(http, "page", out var page))
            return WriteJson(http, StatusCodes.Status400BadRequest, new { error = "invalid-page" });

        var date = Today;
        var all = Context.Scenario.Listing(DemoSiteKind.Nachtlicht, date);
        var size = Context.Options.NachtlichtPageSize;
        var totalPages = (all.Count + size - 1) / size;
        var ads = all.Skip((page - 1) * size).Take(size).Select(ad =>
        {
            var v = ad.VersionOn(date);
            return new NachtlichtAdSummary(ad.Id, v.Title, v.City, Iso(v.Posted), v.ImageIds.Count > 0 ? ImageUrl(v.ImageIds[0]) : null);
        }).ToArray();
        var next = page < totalPages ? $"/api/ads?page={(page + 1).ToString(CultureInfo.InvariantCulture)}" : null;
        return WriteJson(http, 200, new NachtlichtListingPage(page, size, all.Count, totalPages, next, ads));
    }

    private Task DetailAsync(HttpContext http, string id)
    {
        var date = Today;
        var ad = Context.Scenario.FindAd(id);
        if (ad is null || !ad.IsOn(DemoSiteKind.Nachtlicht) || ad.StatusOn(date) == DemoAdStatus.NotYetOnline)
            return WriteJson(http, 404, new { status = "not-found" });
        if (ad.StatusOn(date) == DemoAdStatus.Offline)
            return ad.Expiry == DemoExpiryStyle.Gone
                ? WriteJson(http, 410, new NachtlichtAdDetail(ad.Id, "gone"))
                : WriteJson(http, 200, new NachtlichtAdDetail(ad.Id, "expired"));

        var v = ad.VersionOn(date);
        return WriteJson(http, 200, new NachtlichtAdDetail(ad.Id, "online", v.Title, v.Body, v.Location, v.City, v.Phone,
            Iso(v.Posted), v.ImageIds.Select(ImageUrl).ToArray()));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ImageUrl(string imageId) => $"/img/{imageId}.png";

    private static Task WriteJson<T>(HttpContext http, int status, T body) =>
        DemoResponses.WriteAsync(http, status, DemoResponses.Json, JsonSerializer.SerializeToUtf8Bytes(body, Json));
}
