using System.Net;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.DemoSites;

/// <summary>A running <see cref="DemoSiteHost"/> plus a raw HttpClient (no redirects, no decompression, no cookies).</summary>
internal sealed class DemoSiteFixture : IAsyncDisposable
{
    private DemoSiteFixture(DemoSiteHost host)
    {
        Host = host;
        Http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        })
        { Timeout = TimeSpan.FromSeconds(30) };
    }

    public DemoSiteHost Host { get; }

    public HttpClient Http { get; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DemoSiteFixture> StartAsync(DemoScenario? scenario = null, DemoSiteHostOptions? options = null) =>
        new(await DemoSiteHost.StartAsync(scenario ?? TestScenario.Create(), options, Ct));

    public Task<HttpResponseMessage> GetAsync(DemoSite site, string relative, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, site.Url(relative));
        configure?.Invoke(request);
        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
    }

    public async Task<(HttpStatusCode Status, string Body)> GetStringAsync(DemoSite site, string relative, Action<HttpRequestMessage>? configure = null)
    {
        using var response = await GetAsync(site, relative, configure);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
