using System.Net;
using System.Net.Sockets;

namespace AdWatch.Web.Security;

/// <summary>
/// Who "the client" is for sign-in throttling and lockout: its address as the forwarded-headers middleware left it (the
/// real one behind a trusted proxy). An IPv6 client counts by its /64 network, since one host is usually given a whole /64
/// and could otherwise try each of its addresses in turn.
/// </summary>
public static class ClientKey
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPNetwork(address, 64).BaseAddress + "/64"
            : address.ToString();
    }
}
