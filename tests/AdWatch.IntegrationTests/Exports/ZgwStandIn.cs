using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// A loopback stand-in for Open Zaak's Zaken and Documenten APIs. It enforces what the real ones do and AdWatch depends
/// on: request bodies valid against the official schemas, <c>Accept-Crs</c>/<c>Content-Crs</c> on <c>/zaken</c>, a valid
/// HS256 JWT (signature, <c>iss</c> = <c>client_id</c>, fresh <c>iat</c>) and unique identificaties. It can be told to
/// fail the Nth POST with a 500 or a dropped connection, before or after storing what the POST created.
/// </summary>
internal sealed class ZgwStandIn : IAsyncDisposable
{
    public const string ClientId = "adwatch-test";
    public const string Secret = "a-test-secret-of-at-least-thirty-two-bytes!";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private int _posts;

    public ConcurrentDictionary<string, JsonObject> Zaken { get; } = new();
    public ConcurrentDictionary<string, JsonObject> ZaakObjecten { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Documenten { get; } = new();
    public ConcurrentDictionary<string, JsonObject> ZaakInformatieObjecten { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Statussen { get; } = new();

    /// <summary>Every request: method, path and query, and the problem the stand-in found (null when accepted).</summary>
    public ConcurrentQueue<(string Request, string? Problem, string? Token)> Log { get; } = new();

    /// <summary>Fail this POST (1-based, counted since <see cref="FailPost"/>); 0: none.</summary>
    private int _failAt;
    private Failure _failure;
    private bool _afterStoring;

    public enum Failure { Status500, Drop }

    private ZgwStandIn(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public string BaseUrl { get; private set; } = "";
    public string ZakenApi => BaseUrl + "/zaken/api/v1/";
    public string DocumentenApi => BaseUrl + "/documenten/api/v1/";

    public static async Task<ZgwStandIn> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ZgwStandIn(app, time);
        standIn.Map(app);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return standIn;
    }

    public void FailPost(int number, Failure failure, bool afterStoring)
    {
        lock (_lock)
        {
            (_posts, _failAt, _failure, _afterStoring) = (0, number, failure, afterStoring);
        }
    }

    /// <summary>Fails every POST from now on.</summary>
    public void FailEveryPost(Failure failure)
    {
        lock (_lock)
        {
            (_posts, _failAt, _failure, _afterStoring) = (0, -1, failure, false);
        }
    }

    private void Map(WebApplication app)
    {
        app.MapPost("/zaken/api/v1/zaken", ctx => CreateAsync(ctx, ZgwSchemas.Zaken, "Zaak", Zaken, "zaken/api/v1/zaken", crs: true, Zaak));
        app.MapGet("/zaken/api/v1/zaken", ctx => ListAsync(ctx, Zaken, crs: true, paginated: true, "identificatie", "bronorganisatie"));
        app.MapPost("/zaken/api/v1/zaakobjecten", ctx => CreateAsync(ctx, ZgwSchemas.Zaken, "{objectType}_ZaakObject", ZaakObjecten, "zaken/api/v1/zaakobjecten", crs: false,
            body => Zaken.ContainsKey(body["zaak"]!.GetValue<string>()) ? null : "zaak: unknown URL"));
        app.MapGet("/zaken/api/v1/zaakobjecten", ctx => ListAsync(ctx, ZaakObjecten, crs: false, paginated: true, "zaak", "objectType"));
        app.MapPost("/documenten/api/v1/enkelvoudiginformatieobjecten", ctx => CreateAsync(ctx, ZgwSchemas.Documenten,
            "EnkelvoudigInformatieObjectCreateLockRequest", Documenten, "documenten/api/v1/enkelvoudiginformatieobjecten", crs: false, Document));
        app.MapGet("/documenten/api/v1/enkelvoudiginformatieobjecten", ctx => ListAsync(ctx, Documenten, crs: false, paginated: true, "identificatie", "bronorganisatie"));
        app.MapPost("/zaken/api/v1/zaakinformatieobjecten", ctx => CreateAsync(ctx, ZgwSchemas.Zaken, "ZaakInformatieObject", ZaakInformatieObjecten,
            "zaken/api/v1/zaakinformatieobjecten", crs: false, body =>
                !Zaken.ContainsKey(body["zaak"]!.GetValue<string>()) ? "zaak: unknown URL"
                : !Documenten.ContainsKey(body["informatieobject"]!.GetValue<string>()) ? "informatieobject: unknown URL" : null));
        app.MapPost("/zaken/api/v1/statussen", ctx => CreateAsync(ctx, ZgwSchemas.Zaken, "Status", Statussen, "zaken/api/v1/statussen", crs: false,
            body => Zaken.ContainsKey(body["zaak"]!.GetValue<string>()) ? null : "zaak: unknown URL"));
        app.MapGet("/zaken/api/v1/statussen", ctx => ListAsync(ctx, Statussen, crs: false, paginated: true, "zaak", "statustype"));
        app.MapGet("/zaken/api/v1/zaakinformatieobjecten", ctx => ListAsync(ctx, ZaakInformatieObjecten, crs: false, paginated: false, "zaak", "informatieobject"));
    }

    private string? Zaak(JsonObject body)
    {
        var id = body["identificatie"]?.GetValue<string>();
        var bron = body["bronorganisatie"]!.GetValue<string>();
        return Zaken.Values.Any(z => z["identificatie"]?.GetValue<string>() == id && z["bronorganisatie"]!.GetValue<string>() == bron)
            ? "identificatie-niet-uniek" : null;
    }

    private string? Document(JsonObject body)
    {
        var id = body["identificatie"]?.GetValue<string>();
        var bron = body["bronorganisatie"]!.GetValue<string>();
        if (Documenten.Values.Any(d => d["identificatie"]?.GetValue<string>() == id && d["bronorganisatie"]!.GetValue<string>() == bron))
        {
            return "identificatie-niet-uniek";
        }
        var inhoud = body["inhoud"]?.GetValue<string>() ?? "";
        var bytes = new byte[inhoud.Length];
        return Convert.TryFromBase64String(inhoud, bytes, out var n) && n == body["bestandsomvang"]?.GetValue<long>() ? null : "inhoud: not base64 of bestandsomvang bytes";
    }

    private async Task CreateAsync(HttpContext ctx, ZgwSchemas schemas, string schema, ConcurrentDictionary<string, JsonObject> store, string path,
        bool crs, Func<JsonObject, string?> rule)
    {
        var request = $"POST {ctx.Request.Path}";
        if (Refuse(ctx, crs, out var status, out var problem, out var token))
        {
            Log.Enqueue((request, problem, token));
            await ProblemAsync(ctx, status, problem!);
            return;
        }
        if (ctx.Request.ContentType != "application/json")
        {
            Log.Enqueue((request, "Content-Type must be application/json", token));
            await ProblemAsync(ctx, 415, "Content-Type must be application/json");
            return;
        }
        int number;
        lock (_lock)
        {
            number = ++_posts;
        }
        var fail = number == _failAt || _failAt == -1;
        if (fail && !_afterStoring)
        {
            Log.Enqueue((request, "injected failure before storing", token));
            await FailAsync(ctx);
            return;
        }
        var body = (await JsonNode.ParseAsync(ctx.Request.Body))?.AsObject();
        // A zaakobject is validated as the schema of its objectType (adres_ZaakObject, woonplaats_ZaakObject, …), as the API does.
        IReadOnlyList<string> errors = body is null ? ["empty body"]
            : schemas.Validate(schema.Replace("{objectType}", body["objectType"]?.GetValue<string>() ?? "", StringComparison.Ordinal), body);
        if (errors.Count > 0)
        {
            Log.Enqueue((request, string.Join("; ", errors), token));
            await ProblemAsync(ctx, 400, string.Join("; ", errors));
            return;
        }
        string? broken;
        lock (_lock)
        {
            broken = rule(body!);
            if (broken is null)
            {
                var url = $"{BaseUrl}/{path}/{Guid.NewGuid()}";
                body!["url"] = url;
                store[url] = body;
            }
        }
        if (broken is not null)
        {
            Log.Enqueue((request, broken, token));
            var name = broken == "identificatie-niet-uniek" ? "identificatie" : broken.Split(':')[0];
            await Results.Json(new JsonObject
            {
                ["type"] = "validation", ["code"] = "invalid", ["title"] = "Invalid input.", ["status"] = 400,
                ["invalidParams"] = new JsonArray(new JsonObject { ["name"] = name, ["code"] = broken.Split(':')[0], ["reason"] = broken }),
            }, statusCode: 400, contentType: "application/problem+json").ExecuteAsync(ctx);
            return;
        }
        Log.Enqueue((request, fail ? "injected failure after storing" : null, token));
        if (fail)
        {
            await FailAsync(ctx);
            return;
        }
        if (crs)
        {
            ctx.Response.Headers["Content-Crs"] = "EPSG:4326";
        }
        await Results.Json(body, statusCode: 201).ExecuteAsync(ctx);
    }

    private async Task ListAsync(HttpContext ctx, ConcurrentDictionary<string, JsonObject> store, bool crs, bool paginated, params string[] filters)
    {
        var request = $"GET {ctx.Request.Path}{ctx.Request.QueryString}";
        if (Refuse(ctx, crs, out var status, out var problem, out var token))
        {
            Log.Enqueue((request, problem, token));
            await ProblemAsync(ctx, status, problem!);
            return;
        }
        Log.Enqueue((request, null, token));
        var hits = store.Values.Where(o => filters.All(f => !ctx.Request.Query.ContainsKey(f)
            || o[f]?.ToString() == ctx.Request.Query[f].ToString())).Select(o => (JsonNode)o.DeepClone()).ToArray();
        if (crs)
        {
            ctx.Response.Headers["Content-Crs"] = "EPSG:4326";
        }
        JsonNode answer = paginated
            ? new JsonObject { ["count"] = hits.Length, ["next"] = null, ["previous"] = null, ["results"] = new JsonArray(hits) }
            : new JsonArray(hits);
        await Results.Json(answer).ExecuteAsync(ctx);
    }

    private bool Refuse(HttpContext ctx, bool crs, out int status, out string? problem, out string? token)
    {
        (status, problem, token) = (0, null, null);
        var auth = ctx.Request.Headers.Authorization.ToString();
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            (status, problem) = (403, "no bearer token");
            return true;
        }
        token = auth["Bearer ".Length..];
        var check = new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = ClientId,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        }).GetAwaiter().GetResult();
        if (!check.IsValid)
        {
            (status, problem) = (403, "JWT: " + check.Exception?.Message);
            return true;
        }
        var jwt = (JsonWebToken)check.SecurityToken;
        var iat = jwt.TryGetPayloadValue<long>("iat", out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
        if (!jwt.TryGetPayloadValue<string>("client_id", out var clientId) || clientId != ClientId
            || !jwt.TryGetPayloadValue<string>("user_id", out var userId) || string.IsNullOrEmpty(userId)
            || !jwt.TryGetPayloadValue<string>("user_representation", out _))
        {
            (status, problem) = (403, "JWT: client_id, user_id or user_representation missing or wrong");
            return true;
        }
        if (iat is null || (iat.Value - _time.GetUtcNow()).Duration() > TimeSpan.FromMinutes(5))
        {
            (status, problem) = (403, "JWT: iat missing or not fresh");
            return true;
        }
        if (crs && (ctx.Request.Headers["Accept-Crs"] != "EPSG:4326" || ctx.Request.Headers["Content-Crs"] != "EPSG:4326"))
        {
            (status, problem) = (412, "Accept-Crs and Content-Crs must be EPSG:4326");
            return true;
        }
        return false;
    }

    private static Task ProblemAsync(HttpContext ctx, int status, string detail) =>
        Results.Json(new JsonObject { ["status"] = status, ["detail"] = detail }, statusCode: status, contentType: "application/problem+json").ExecuteAsync(ctx);

    private Task FailAsync(HttpContext ctx)
    {
        if (_failure == Failure.Drop)
        {
            ctx.Abort();
            return Task.CompletedTask;
        }
        ctx.Response.StatusCode = 500;
        return ctx.Response.WriteAsync("injected failure");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
