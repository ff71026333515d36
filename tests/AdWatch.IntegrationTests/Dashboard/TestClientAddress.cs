using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Lets a test play a client at another address: a request with <see cref="Header"/> reaches the app as if it came from
/// that address. Every test request really comes from loopback, which AdWatch trusts as a proxy; this puts a stranger in
/// front of the forwarded-headers and rate-limiting rules. Runs before the app's own pipeline.
/// </summary>
internal sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Remote-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
