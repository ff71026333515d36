using System.Globalization;
using System.Text.Json;
using AdWatch.Geocoding;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Web.Security;
using AdWatch.Storage;
using Dapper;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Processing;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Dossier;

/// <summary>
/// <c>GET /ads/{adId}/images/{index}</c>: the stored copy of an ad's image (<see cref="PhotoStore"/>: re-encoded at
/// extraction, no metadata), for the roles in <see cref="DossierPageOptions.ImageRoles"/> only, audited. It never contacts
/// the ad site: an image AdWatch did not keep is a 404, and so is an ad outside the user's organisation (audited as refused,
/// <see cref="LocationAccess.AdAsync"/>). Served under a sandbox CSP with <c>nosniff</c>, so even a stored
/// file could not act as a page.
/// With <c>?preview=true</c> it serves a tiny (16 pixels wide) copy instead, which is all the dossier loads until the analyst
/// clicks a photo: the blur is the server's, not only the browser's, so no one sees a person by scrolling, and only the click
/// (the full copy) is audited as a view.
/// </summary>
internal static class AdImageEndpoint
{
    public const int PreviewWidth = 16;

    public static async Task<IResult> HandleAsync(long adId, int index, bool? preview, HttpContext http, Database database, AuditLog audit,
        PhotoStore photos, IOptions<DossierPageOptions> options, LocationAccess access, UserScope scope, CancellationToken ct)
    {
        if (!options.Value.MaySeeImages(http.User))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (await access.AdAsync(adId, scope.Of(http.User), ct) == AccessVerdict.Refused)
        {
            await scope.RefusedAsync(http.User, "image", $"{adId.ToString(CultureInfo.InvariantCulture)}/{index.ToString(CultureInfo.InvariantCulture)}", "ad photo", ct);
            return Results.NotFound();
        }
        string? json;
        await using (var c = await database.OpenAsync(ct))
        {
            json = await c.QuerySingleOrDefaultAsync<string?>(new CommandDefinition("""
                SELECT v.image_urls FROM ads a
                JOIN ad_versions v ON v.id = COALESCE(a.current_version_id, (SELECT MAX(x.id) FROM ad_versions x WHERE x.ad_id = a.id))
                WHERE a.id = @adId
                """, new { adId }, cancellationToken: ct));
        }
        var urls = Parse(json);
        if (index < 0 || index >= urls.Count)
        {
            return Results.NotFound();
        }
        if (preview != true)
        {
            await audit.WriteAsync(http.User.Identity!.Name!, "view", "image", $"{adId.ToString(CultureInfo.InvariantCulture)}/{index}", null, ct);
        }
        if (await photos.FindAsync(urls[index], ct) is not { } photo)
        {
            return Results.NotFound();
        }
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return preview == true ? Results.File(Preview(photo.Content), "image/png") : Results.File(photo.Content, photo.ContentType);
    }

    /// <summary>The photo shrunk to <see cref="PreviewWidth"/> pixels wide: colours and layout, no face, no text.</summary>
    private static byte[] Preview(byte[] content)
    {
        using var image = SixLabors.ImageSharp.Image.Load(content);
        image.Mutate(x => x.Resize(PreviewWidth, 0));
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
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
