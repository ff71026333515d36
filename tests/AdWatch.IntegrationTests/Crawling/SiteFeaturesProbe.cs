using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// A few loopback pages, just enough to drive the site-definition features end to end (not a demo site): a listing with a
/// "Meer laden" button that fetches more ad links, an ad page with an optional 18+ modal and a "Toon nummer" button whose
/// XHR answers after a delay and whose number is shown later still, and a paged JSON listing with JSON ad pages.
/// </summary>
internal sealed class SiteFeaturesProbe : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiteFeaturesProbe(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The ad ids on the first listing page (server-rendered).</summary>
    public string[] FirstPageIds { get; set; } = ["p1a", "p1b"];

    /// <summary>How many pages "Meer laden" can load (page 1 included); later pages are empty.</summary>
    public int ListPages { get; set; } = 1;

    /// <summary>The page whose answer says it is the last (the page shows <c>.list-end</c>, the button stays); 0: none.</summary>
    public int EndAtPage { get; set; }

    /// <summary>Ad pages cover everything with an 18+ modal until its button is clicked.</summary>
    public bool ConsentModal { get; set; }

    /// <summary>Every request, as path and query.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public int Count(string pathPrefix) => Requests.Count(r => r.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>The number the reveal XHR gives for an ad, as digits.</summary>
    public static string Phone(string id) =>
        "06" + ((uint)id.Aggregate(17, (h, c) => unchecked((h * 31) + c)) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>The same number as the page shows it.</summary>
    public static string Shown(string id) => string.Join(' ', Enumerable.Range(0, 5).Select(i => Phone(id).Substring(i * 2, 2)));

    public static async Task<SiteFeaturesProbe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var probe = new SiteFeaturesProbe(app);
        probe.Map(app);
        await app.StartAsync();
        probe.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return probe;
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next(context);
        });
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow:\n"));
        app.MapGet("/list", () => Results.Content(ListingHtml(), "text/html; charset=utf-8"));
        app.MapGet("/api/list", (int page) => Results.Json(new
        {
            ids = page <= ListPages ? new[] { $"p{page}a", $"p{page}b" } : Array.Empty<string>(),
            end = page == EndAtPage,
        }));
        app.MapGet("/ad/{id}", (string id) => Results.Content(AdHtml(id), "text/html; charset=utf-8"));
        app.MapPost("/api/consent", () => Results.NoContent());
        app.MapGet("/api/ads/{id}/reveal", async (string id) =>
        {
            await Task.Delay(300); // the number comes after a while, as on real sites
            return Results.Json(new { phone = Phone(id), display = Shown(id) });
        });
        app.MapGet("/api/ads", (int page) => Results.Json(new
        {
            ads = new[] { new { id = $"j{page}x" }, new { id = $"j{page}y" } },
            next = page < 3 ? $"/api/ads?page={page + 1}" : null,
        }));
        app.MapGet("/api/ad/{id}", (string id) => Results.Text(
            JsonSerializer.Serialize(new { id, title = $"JSON {id}", phone = Phone(id), profile = new { age = 31, area = "Ermelo" } }),
            "application/json; charset=utf-8"));
    }

    private string ListingHtml()
    {
        var links = string.Concat(FirstPageIds.Select(id => $"<li><a class=\"ad\" href=\"/ad/{id}\">{id}</a></li>"));
        return $$"""
            <!doctype html><html><head><title>Lijst</title></head><body>
            <ul id="ads">{{links}}</ul>
            <button id="more" type="button">Meer laden</button>
            <script>
            let page = 1;
            document.getElementById('more').addEventListener('click', async () => {
              page++;
              const j = await (await fetch('/api/list?page=' + page)).json();
              for (const id of j.ids) {
                const li = document.createElement('li');
                li.innerHTML = '<a class="ad" href="/ad/' + id + '">' + id + '</a>';
                document.getElementById('ads').appendChild(li);
              }
              if (j.end) {
                const end = document.createElement('p');
                end.className = 'list-end';
                end.textContent = 'Dat was alles';
                document.body.appendChild(end);
              }
            });
            </script></body></html>
            """;
    }

    private string AdHtml(string id)
    {
        var button = id.StartsWith("nobtn", StringComparison.Ordinal) ? "" : "<button class=\"reveal\" type=\"button\">Toon nummer</button>";
        var modal = ConsentModal
            ? """<div id="modal" style="position:fixed;inset:0;z-index:10;background:rgba(0,0,0,.9)"><button id="age" type="button">Ik ben 18+</button></div>"""
            : "";
        return $$"""
            <!doctype html><html><head><title>Advertentie</title></head><body>
            <h1 class="t">Advertentie {{id}}</h1>
            <dl><dt>Leeftijd</dt><dd>25</dd><dt>Werkgebied</dt><dd>Veluwe</dd></dl>
            {{button}}<div id="phone"></div>{{modal}}
            <script>
            document.getElementById('age')?.addEventListener('click', async () => {
              await fetch('/api/consent', { method: 'POST' });
              document.getElementById('modal').remove();
            });
            document.querySelector('.reveal')?.addEventListener('click', async () => {
              if (document.getElementById('modal')) return;
              const j = await (await fetch('/api/ads/{{id}}/reveal')).json();
              setTimeout(() => {
                const s = document.createElement('span');
                s.className = 'phone--shown';
                s.textContent = j.display;
                document.getElementById('phone').appendChild(s);
              }, 700);
            });
            </script></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
