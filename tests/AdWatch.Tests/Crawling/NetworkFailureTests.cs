using System.Net.Sockets;
using System.Security.Authentication;
using AdWatch.Crawling;

namespace AdWatch.Tests.Crawling;

public sealed class NetworkFailureTests
{
    private static readonly Uri Url = new("https://ads.example.test:8443/advertenties");

    public static TheoryData<Exception, string, string> Failures => new()
    {
        // what SocketsHttpHandler throws, as the resilience pipeline hands it on
        { new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (ads.example.test:8443)", new SocketException((int)SocketError.ConnectionRefused)),
            "connection-refused", "connection refused by ads.example.test:8443" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (ads.example.test:8443)", new SocketException((int)SocketError.HostNotFound)),
            "dns", "host name ads.example.test not found in DNS" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "Resource temporarily unavailable"), "dns", "host name ads.example.test not found in DNS" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established", new AuthenticationException("remote certificate is invalid")),
            "tls", "TLS handshake with ads.example.test:8443 failed: remote certificate is invalid" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "timed out", new SocketException((int)SocketError.TimedOut)), "timeout", "connecting to ads.example.test:8443 timed out" },
        { new HttpRequestException(HttpRequestError.ConnectionError, "No route", new SocketException((int)SocketError.HostUnreachable)),
            "network", "ads.example.test:8443 is unreachable (HostUnreachable)" },
        { new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."), "network", "ads.example.test:8443: The response ended prematurely. (ResponseEnded)" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Describe_NamesTheRealKind(Exception exception, string kind, string message)
    {
        var error = NetworkFailure.Describe(exception, Url);

        error.Kind.ShouldBe(kind);
        error.Message.ShouldBe(message);
    }

    [Theory]
    [InlineData("page.goto: net::ERR_CONNECTION_REFUSED at https://ads.example.test:8443/advertenties", "connection-refused")]
    [InlineData("page.goto: net::ERR_NAME_NOT_RESOLVED at https://ads.example.test:8443/advertenties", "dns")]
    [InlineData("page.goto: net::ERR_CERT_AUTHORITY_INVALID at https://ads.example.test:8443/advertenties", "tls")]
    [InlineData("page.goto: net::ERR_CONNECTION_TIMED_OUT at https://ads.example.test:8443/advertenties", "timeout")]
    [InlineData("Target page, context or browser has been closed", "browser")]
    public void FromBrowser_NamesTheRealKind(string message, string kind) =>
        NetworkFailure.FromBrowser(message, Url).Kind.ShouldBe(kind);

    [Fact]
    public void Describe_LeavesOutTheDefaultPort() =>
        NetworkFailure.Describe(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)),
            new Uri("https://ads.example.test/")).Message.ShouldBe("connection refused by ads.example.test");
}
