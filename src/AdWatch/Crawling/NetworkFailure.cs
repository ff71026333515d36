using System.Net.Sockets;
using System.Security.Authentication;

namespace AdWatch.Crawling;

/// <summary>
/// Names a request that never got an HTTP answer by what went wrong on the wire (connection refused, DNS, TLS, timeout),
/// so crawler health and <c>adwatch crawl</c> tell the operator the real cause instead of a generic "network" error.
/// </summary>
public static class NetworkFailure
{
    /// <summary>The error kind and a short, lower-case cause naming the host, e.g. <c>connection refused by 127.0.0.1:5081</c>.</summary>
    public static FetchError Describe(Exception exception, Uri url)
    {
        var socket = Find<SocketException>(exception);
        var http = Find<HttpRequestException>(exception);
        var host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        if (socket?.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new("connection-refused", $"connection refused by {host}");
        }
        if (http?.HttpRequestError == HttpRequestError.NameResolutionError
            || socket?.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain)
        {
            return new("dns", $"host name {url.Host} not found in DNS");
        }
        if (http?.HttpRequestError == HttpRequestError.SecureConnectionError || Find<AuthenticationException>(exception) is not null)
        {
            return new("tls", $"TLS handshake with {host} failed: {exception.GetBaseException().Message}");
        }
        if (socket?.SocketErrorCode == SocketError.TimedOut)
        {
            return new("timeout", $"connecting to {host} timed out");
        }
        if (socket?.SocketErrorCode is SocketError.HostUnreachable or SocketError.NetworkUnreachable)
        {
            return new("network", $"{host} is unreachable ({socket.SocketErrorCode})");
        }
        return new("network", $"{host}: {exception.GetBaseException().Message}");
    }

    /// <summary>The same kinds from a Chromium navigation error (<c>net::ERR_CONNECTION_REFUSED</c> …); anything else is <c>browser</c>.</summary>
    public static FetchError FromBrowser(string message, Uri url)
    {
        var host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        return message switch
        {
            _ when message.Contains("net::ERR_CONNECTION_REFUSED", StringComparison.Ordinal) => new("connection-refused", $"connection refused by {host}"),
            _ when message.Contains("net::ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal) => new("dns", $"host name {url.Host} not found in DNS"),
            _ when message.Contains("net::ERR_CERT_", StringComparison.Ordinal) || message.Contains("net::ERR_SSL_", StringComparison.Ordinal)
                => new("tls", $"TLS handshake with {host} failed: {message.Split('\n')[0]}"),
            _ when message.Contains("net::ERR_TIMED_OUT", StringComparison.Ordinal) || message.Contains("net::ERR_CONNECTION_TIMED_OUT", StringComparison.Ordinal)
                => new("timeout", $"connecting to {host} timed out"),
            _ => new("browser", message),
        };
    }

    private static T? Find<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}
