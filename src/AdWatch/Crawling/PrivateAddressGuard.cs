using System.Net;
using System.Net.Sockets;

namespace AdWatch.Crawling;

/// <summary>
/// Refuses connections to private, loopback and link-local addresses unless the request is for a site marked local.
/// Checked at connect time on the resolved address, so a public name pointing inward is caught too. Every HTTP client
/// that follows a URL taken from an ad (crawling, the dashboard's image view) connects through <see cref="ConnectAsync"/>.
/// </summary>
public static class PrivateAddressGuard
{
    /// <summary>Set to true on a request to allow private addresses (only for sites marked <c>local</c>).</summary>
    public static HttpRequestOptionsKey<bool> AllowPrivate => CrawlHttp.AllowPrivate;

    public static bool IsPrivate(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal;
        }
        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] == 0;
    }

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var allowPrivate = context.InitialRequestMessage.Options.TryGetValue(CrawlHttp.AllowPrivate, out var allow) && allow;
        var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
        var candidates = allowPrivate ? addresses : addresses.Where(a => !IsPrivate(a)).ToArray();
        if (candidates.Length == 0)
        {
            throw new PrivateAddressException(context.DnsEndPoint.Host, addresses.FirstOrDefault()?.ToString() ?? "(none)");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(candidates, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
