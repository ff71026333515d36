using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// The calls AdWatch makes to the Zaken and Documenten APIs. Every call carries a fresh JWT; calls on <c>/zaken</c> carry
/// <c>Accept-Crs</c>/<c>Content-Crs: EPSG:4326</c>, which the Zaken API requires there (zaakgeometrie). Bodies are System.Text.Json.
/// </summary>
public sealed class ZgwClient(HttpClient http, IOptions<ExportsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "adwatch-zgw";
    private const string Crs = "EPSG:4326";

    private ZgwOptions Zgw => options.Value.Zgw;

    /// <summary>Creates a zaak; returns its URL, or null when its <c>identificatie</c> already exists at this bronorganisatie.</summary>
    public async Task<string?> CreateZaakAsync(JsonObject zaak, string user, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, Zaken("zaken"), zaak, crs: true, user, ct);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            if (IsIdentificatieTaken(body))
            {
                return null;
            }
            throw Error("POST zaken", response.StatusCode, body);
        }
        return await UrlOfAsync(response, "POST zaken", ct);
    }

    public async Task<string?> FindZaakAsync(string identificatie, string bronorganisatie, string user, CancellationToken ct) =>
        await FirstUrlAsync(Zaken($"zaken?identificatie={Uri.EscapeDataString(identificatie)}&bronorganisatie={Uri.EscapeDataString(bronorganisatie)}"),
            crs: true, user, ct);

    public Task<string> CreateZaakObjectAsync(JsonObject body, string user, CancellationToken ct) => CreateAsync(Zaken("zaakobjecten"), body, user, ct);

    public Task<string?> FindZaakObjectAsync(string zaak, string objectType, string user, CancellationToken ct) =>
        FirstUrlAsync(Zaken($"zaakobjecten?zaak={Uri.EscapeDataString(zaak)}&objectType={Uri.EscapeDataString(objectType)}"), crs: false, user, ct);

    public Task<string> CreateDocumentAsync(JsonObject body, string user, CancellationToken ct) =>
        CreateAsync(Documenten("enkelvoudiginformatieobjecten"), body, user, ct);

    public Task<string?> FindDocumentAsync(string identificatie, string bronorganisatie, string user, CancellationToken ct) =>
        FirstUrlAsync(Documenten($"enkelvoudiginformatieobjecten?identificatie={Uri.EscapeDataString(identificatie)}&bronorganisatie={Uri.EscapeDataString(bronorganisatie)}"),
            crs: false, user, ct);

    public Task<string> CreateZaakInformatieObjectAsync(JsonObject body, string user, CancellationToken ct) =>
        CreateAsync(Zaken("zaakinformatieobjecten"), body, user, ct);

    public Task<string?> FindZaakInformatieObjectAsync(string zaak, string informatieobject, string user, CancellationToken ct) =>
        FirstUrlAsync(Zaken($"zaakinformatieobjecten?zaak={Uri.EscapeDataString(zaak)}&informatieobject={Uri.EscapeDataString(informatieobject)}"),
            crs: false, user, ct);

    public Task<string> CreateStatusAsync(JsonObject body, string user, CancellationToken ct) => CreateAsync(Zaken("statussen"), body, user, ct);

    /// <summary>The URL of the zaak's status of <paramref name="statustype"/> whose toelichting contains <paramref name="marker"/>; null: none.</summary>
    public async Task<string?> FindStatusAsync(string zaak, string statustype, string marker, string user, CancellationToken ct)
    {
        // Paginated: a zaak with many changes of one type fills more than one page.
        string? url = Zaken($"statussen?zaak={Uri.EscapeDataString(zaak)}&statustype={Uri.EscapeDataString(statustype)}");
        for (var page = 0; url is not null && page < 100; page++)
        {
            var root = await GetJsonAsync(url, crs: false, user, ct);
            foreach (var status in ((root as JsonObject)?["results"] as JsonArray ?? root as JsonArray ?? []).OfType<JsonObject>())
            {
                if (Text(status["statustoelichting"])?.Contains(marker, StringComparison.Ordinal) == true)
                {
                    return Text(status["url"]);
                }
            }
            // Follow the next page only within the Zaken API: the token is not sent to an address the answer names elsewhere.
            url = (root as JsonObject)?["next"] is JsonValue next && next.TryGetValue<string>(out var n)
                  && n.StartsWith(Zgw.ZakenApiUrl!.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase) ? n : null;
        }
        return null;
    }

    private async Task<JsonNode?> GetJsonAsync(string url, bool crs, string user, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, url, null, crs, user, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Error("GET " + url, response.StatusCode, text);
        }
        return JsonNode.Parse(text);
    }

    private async Task<string> CreateAsync(string url, JsonObject body, string user, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Post, url, body, crs: false, user, ct);
        return await UrlOfAsync(response, "POST " + url, ct);
    }

    /// <summary>The <c>url</c> of the first result of a list call: paginated (<c>results</c>) or a bare array.</summary>
    private async Task<string?> FirstUrlAsync(string url, bool crs, string user, CancellationToken ct)
    {
        var root = await GetJsonAsync(url, crs, user, ct);
        var items = root as JsonArray ?? (root as JsonObject)?["results"] as JsonArray;
        return items is { Count: > 0 } && items[0] is JsonObject first ? Text(first["url"]) : null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, JsonObject? body, bool crs, string user, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
            ZgwToken.Create(Zgw.ClientId!, Zgw.Secret!, Zgw.UserId ?? user, Zgw.UserRepresentation, time.GetUtcNow()));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (crs)
        {
            request.Headers.Add("Accept-Crs", Crs);
        }
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            request.Content.Headers.ContentType!.CharSet = null; // the spec's Content-Type enum is exactly application/json
            if (crs)
            {
                request.Content.Headers.Add("Content-Crs", Crs);
            }
        }
        else if (crs)
        {
            // The Zaken API lists Content-Crs as required on GET /zaken too; a header-only request carries it without a body.
            request.Headers.TryAddWithoutValidation("Content-Crs", Crs);
        }
        return await http.SendAsync(request, ct);
    }

    private static async Task<string> UrlOfAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw Error(what, response.StatusCode, text);
        }
        return (JsonNode.Parse(text) is JsonObject created ? Text(created["url"]) : null)
            ?? throw new ZgwException($"{what}: the answer has no 'url'.", response.StatusCode, Cut(text));
    }

    /// <summary>ZGW reports a taken identificatie as 400 with an invalid_params entry named <c>identificatie</c> (code identificatie-niet-uniek).</summary>
    internal static bool IsIdentificatieTaken(string problemJson)
    {
        try
        {
            return JsonNode.Parse(problemJson) is JsonObject problem && problem["invalidParams"] is JsonArray invalid
                && invalid.OfType<JsonObject>().Any(p => Text(p["name"]) == "identificatie" || Text(p["code"]) == "identificatie-niet-uniek");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private string Zaken(string relative) => Combine(Zgw.ZakenApiUrl!, relative);

    private string Documenten(string relative) => Combine(Zgw.DocumentenApiUrl!, relative);

    private static string Combine(string baseUrl, string relative) => baseUrl.TrimEnd('/') + "/" + relative;

    private static ZgwException Error(string what, HttpStatusCode status, string body) =>
        new($"{what} answered {(int)status} {status}: {Cut(body)}", status, Cut(body));

    private static string Cut(string text) => text.Length <= 2000 ? text : text[..2000];
}
