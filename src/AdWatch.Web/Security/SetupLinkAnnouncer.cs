using AdWatch.Accounts;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Security;

/// <summary>
/// First start with no accounts: prints a one-time link to create the administrator (one line when piped, see
/// <see cref="AdWatch.Web.Cli.Announcement"/>). Nothing else can create the first account from the web, and the link stops
/// working once any account exists.
/// </summary>
internal sealed class SetupLinkAnnouncer(SetupTokenStore tokens, IServer server, IHostApplicationLifetime lifetime,
    IOptions<WebOptions> options, ILogger<SetupLinkAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The server's addresses are known only once it listens.
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync(CancellationToken ct)
    {
        try
        {
            if (await tokens.AnyUserAsync(ct))
            {
                return;
            }
            var hours = options.Value.SetupLinkHours;
            var token = await tokens.CreateAsync(TimeSpan.FromHours(hours), ct);
            var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
            AdWatch.Web.Cli.Announcement.SetupLink(hours, $"{BaseUrl(address)}/account/setup?token={token}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not create the one-time set-up link; add an administrator with `adwatch users add NAME --role admin`");
        }
    }

    /// <summary>A listen address a browser can open: a wildcard address becomes localhost.</summary>
    internal static string BaseUrl(string address) => address.TrimEnd('/')
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
}
