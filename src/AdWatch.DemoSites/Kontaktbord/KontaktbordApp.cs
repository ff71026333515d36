using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.Net.Http.Headers;

namespace AdWatch.DemoSites.Kontaktbord;

/// <summary>Site (a), Kontaktbord: server-rendered listing pages, detail pages with ETag/Last-Modified, images, robots.txt.</summary>
internal sealed class KontaktbordApp(DemoSiteContext context) : DemoSiteApp(context)
{
    private const string DetailPrefix = "/advertentie/";

    private KontaktbordMarkup Markup => Context.Site.Faults.RenamedClasses ? KontaktbordMarkup.Renamed : KontaktbordMarkup.Standard;

    public override DemoRequestKind Classify(string path) => path switch
    {
        "/" => DemoRequestKind.Home,
        "/robots.txt" => DemoRequestKind.Robots,
        "/advertenties" => DemoRequestKind.Listing,
        _ when path.StartsWith(DetailPrefix, StringComparison.Ordinal) => DemoRequestKind.Detail,
        _ when path.StartsWith("/img/", StringComparison.Ordinal) => DemoRequestKind.Image,
        _ when path.StartsWith("/prive/", StringComparison.Ordinal) => DemoRequestKind.Private,
        _ => DemoRequestKind.Other,
    };

    public override async Task HandleAsync(HttpContext http)
    {
        if (!IsReadMethod(http))
        {
            await DemoResponses.WriteAsync(http, StatusCodes.Status405MethodNotAllowed, DemoResponses.Html, Markup.NotFound());
            return;
        }
        var path = http.Request.Path.Value ?? "/";
        var kind = Classify(path);
        var handled = kind switch
        {
            DemoRequestKind.Home => Html(http, 200, Markup.Home(Context.Scenario.Listing(DemoSiteKind.Kontaktbord, Today).Count)),
            DemoRequestKind.Robots => RobotsAsync(http, "/prive/"),
            DemoRequestKind.Listing => ListingAsync(http),
            DemoRequestKind.Detail => DetailAsync(http, path[DetailPrefix.Length..]),
            DemoRequestKind.Private => Html(http, 200, Markup.Private()),
            _ => null,
        };
        if (handled is not null) await handled;
        else if (!await TryImageAsync(http, path)) await Html(http, 404, Markup.NotFound());
    }

    private Task ListingAsync(HttpContext http)
    {
        if (!TryPage(http, "pagina", out var page))
            return Html(http, 404, Markup.NotFound());

        var date = Today;
        var all = Context.Scenario.Listing(DemoSiteKind.Kontaktbord, date);
        var size = Context.Options.KontaktbordPageSize;
        var pageCount = (all.Count + size - 1) / size;
        var ads = all.Skip((page - 1) * size).Take(size).Select(a => (a, a.VersionOn(date))).ToArray();
        return Html(http, 200, Markup.Listing(ads, page, pageCount));
    }

    private async Task DetailAsync(HttpContext http, string id)
    {
        var date = Today;
        var ad = Context.Scenario.FindAd(id);
        if (ad is null || !ad.IsOn(DemoSiteKind.Kontaktbord) || ad.StatusOn(date) == DemoAdStatus.NotYetOnline)
        {
            await Html(http, 404, Markup.NotFound());
            return;
        }
        if (ad.StatusOn(date) == DemoAdStatus.Offline)
        {
            await (ad.Expiry == DemoExpiryStyle.Gone ? Html(http, 410, Markup.Gone()) : Html(http, 200, Markup.Expired(ad)));
            return;
        }

        var version = ad.VersionOn(date);
        var bytes = Encoding.UTF8.GetBytes(Markup.Detail(ad, version));
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}\"");
        var lastModified = new DateTimeOffset(version.EffectiveFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var response = http.Response.GetTypedHeaders();
        response.ETag = etag;
        response.LastModified = lastModified;
        if (IsNotModified(http.Request.GetTypedHeaders(), etag, lastModified))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await DemoResponses.WriteAsync(http, 200, DemoResponses.Html, bytes);
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset lastModified)
    {
        // RFC 9110 §13.1.3: If-None-Match wins; If-Modified-Since only counts when it is absent.
        if (request.IfNoneMatch.Count > 0)
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        return request.IfModifiedSince is { } since && lastModified <= since;
    }

    private static Task Html(HttpContext http, int status, string html) => DemoResponses.WriteAsync(http, status, DemoResponses.Html, html);
}
