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

    /// <summary>
    /// The IANA IPv4 and IPv6 special-purpose address registries (and multicast, reserved and site-local), one entry
    /// each. An entry with <c>Embeds</c> is not refused itself: its last 32 bits are an IPv4 address, and that address
    /// decides (IPv4-mapped from a dual-stack socket, NAT64 from DNS64 on an IPv6-only network).
    /// </summary>
    private static readonly (IPNetwork Network, bool Embeds)[] Special =
    [
        (IPNetwork.Parse("0.0.0.0/8"), false), // RFC 791: "this network"
        (IPNetwork.Parse("10.0.0.0/8"), false), // RFC 1918: private use
        (IPNetwork.Parse("100.64.0.0/10"), false), // RFC 6598: shared address space (carrier-grade NAT)
        (IPNetwork.Parse("127.0.0.0/8"), false), // RFC 1122: loopback
        (IPNetwork.Parse("169.254.0.0/16"), false), // RFC 3927: link-local (cloud metadata at 169.254.169.254)
        (IPNetwork.Parse("172.16.0.0/12"), false), // RFC 1918: private use
        (IPNetwork.Parse("192.0.0.0/24"), false), // RFC 6890: IETF protocol assignments
        (IPNetwork.Parse("192.0.2.0/24"), false), // RFC 5737: documentation (TEST-NET-1)
        (IPNetwork.Parse("192.88.99.0/24"), false), // RFC 7526: deprecated 6to4 relay anycast
        (IPNetwork.Parse("192.168.0.0/16"), false), // RFC 1918: private use
        (IPNetwork.Parse("198.18.0.0/15"), false), // RFC 2544: benchmarking
        (IPNetwork.Parse("198.51.100.0/24"), false), // RFC 5737: documentation (TEST-NET-2)
        (IPNetwork.Parse("203.0.113.0/24"), false), // RFC 5737: documentation (TEST-NET-3)
        (IPNetwork.Parse("224.0.0.0/4"), false), // RFC 5771: multicast
        (IPNetwork.Parse("240.0.0.0/4"), false), // RFC 1112: reserved for future use (includes 255.255.255.255)
        (IPNetwork.Parse("255.255.255.255/32"), false), // RFC 919: limited broadcast
        (IPNetwork.Parse("::ffff:0:0/96"), true), // RFC 4291: IPv4-mapped, decided by the IPv4 address
        (IPNetwork.Parse("::/128"), false), // RFC 4291: unspecified
        (IPNetwork.Parse("::1/128"), false), // RFC 4291: loopback
        (IPNetwork.Parse("::/96"), false), // RFC 4291 §2.5.5.1: deprecated IPv4-compatible ::a.b.c.d, refused whole
        (IPNetwork.Parse("64:ff9b::/96"), true), // RFC 6052: NAT64 well-known prefix, decided by the IPv4 address
        (IPNetwork.Parse("64:ff9b:1::/48"), false), // RFC 8215: local-use NAT64
        (IPNetwork.Parse("100::/64"), false), // RFC 6666: discard-only
        (IPNetwork.Parse("2001::/23"), false), // RFC 2928: IETF protocol assignments (Teredo RFC 4380, ORCHID ...)
        (IPNetwork.Parse("2001:db8::/32"), false), // RFC 3849: documentation
        (IPNetwork.Parse("2002::/16"), false), // RFC 3056: 6to4 (deprecated, RFC 7526), refused whole
        (IPNetwork.Parse("fc00::/7"), false), // RFC 4193: unique local
        (IPNetwork.Parse("fe80::/10"), false), // RFC 4291: link-local unicast
        (IPNetwork.Parse("fec0::/10"), false), // RFC 3879: deprecated site-local
        (IPNetwork.Parse("ff00::/8"), false), // RFC 4291: multicast
    ];

    /// <summary>True when <paramref name="ip"/> is in a special-purpose range, or embeds an IPv4 address that is.</summary>
    public static bool IsPrivate(IPAddress ip)
    {
        foreach (var (network, embeds) in Special)
        {
            if (network.Contains(ip))
            {
                return !embeds || IsPrivate(new IPAddress(ip.GetAddressBytes().AsSpan(12)));
            }
        }
        return false;
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
