using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.DemoSites.Hosting;

/// <summary>
/// The bare Kestrel app every synthetic site runs on: loopback only (tests never reach the internet), no <c>Server</c>
/// header, a short shutdown grace so a connection being drip-fed or bombed is cut when the site stops.
/// </summary>
internal static class LoopbackApp
{
    /// <summary>An app listening on <paramref name="port"/> of 127.0.0.1 (0: a free one); <paramref name="kestrel"/> adds limits.</summary>
    public static WebApplication Build(int port, TimeSpan shutdownGrace, Action<KestrelServerOptions>? kestrel = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost
            .UseKestrelCore()
            .ConfigureKestrel(k =>
            {
                k.Listen(IPAddress.Loopback, port);
                k.AddServerHeader = false;
                kestrel?.Invoke(k);
            })
            .UseShutdownTimeout(shutdownGrace);
        return builder.Build();
    }

    /// <summary>The started app's base URL, with a trailing slash.</summary>
    public static Uri BaseUrl(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
}
