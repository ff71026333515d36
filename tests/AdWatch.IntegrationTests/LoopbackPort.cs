using System.Net;
using System.Net.Sockets;

namespace AdWatch.IntegrationTests;

/// <summary>A free TCP port on 127.0.0.1 for a child process to listen on (the OS picks it; taken and released at once).</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
