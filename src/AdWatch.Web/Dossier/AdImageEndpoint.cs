using System.Globalization;
using System.Text.Json;
using AdWatch.Crawling;
using AdWatch.Privacy;
using AdWatch.Sites;
using AdWatch.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Dossier;

/// <summary>
/// <c>GET /ads/{adId}/images/{index}</c>: an ad's image, fetched from the ad site on demand (AdWatch stores only image
/// hashes), for the roles in <see cref="DossierPageOptions.ImageRoles"/> only, audited. Only <c>image/*</c> responses
/// pass, under a sandbox CSP, so a hostile "image" cannot become a page.
/// </summary>
internal static class AdImageEndpoint
{
    public const string HttpClientName = "ad-images";

    public static async Task<IResult> HandleAsync(long adId, int index, HttpContext http, Database database, AuditLog audit,
        IHttpClientFactory clients, SiteCatalog sites, IOptions<DossierPageOptions> options, CancellationToken ct)
    {
        if (!options.Value.MaySeeImages(http.User))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        (string? Json, string? Site) row;
        await using (var c = await database.OpenAsync(ct))
        {
            row = await c.QuerySingleOrDefaultAsync<(string?, string?)>(new CommandDefinition("""
                SELECT v.image_urls, s.name FROM ads a JOIN sites s ON s.id = a.site_id
                JOIN ad_versions v ON v.id = COALESCE(a.current_version_id, (SELECT MAX(x.id) FROM ad_versions x WHERE x.ad_id = a.id))
                WHERE a.id = @adId
                """, new { adId }, cancellationToken: ct));
        }
        var json = row.Json;
        var urls = Parse(json);
        if (index < 0 || index >= urls.Count || !Uri.TryCreate(urls[index], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Results.NotFound();
        }
        await audit.WriteAsync(http.User.Identity!.Name!, "view", "image", $"{adId.ToString(CultureInfo.InvariantCulture)}/{index}", null, ct);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Options.Set(PrivateAddressGuard.AllowPrivate, row.Site is { } site && sites.Find(site)?.Local == true);
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var type = response.Content.Headers.ContentType?.MediaType;
            if (!response.IsSuccessStatusCode || type is null || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.Contains("svg", StringComparison.OrdinalIgnoreCase))
            {
                return Results.NotFound();
            }
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            if (bytes.Length > options.Value.MaxImageBytes)
            {
                return Results.NotFound();
            }
            http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(bytes, type);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return Results.NotFound();
        }
    }

    private static List<string> Parse(string? json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<string?>>(json)?.OfType<string>().ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
