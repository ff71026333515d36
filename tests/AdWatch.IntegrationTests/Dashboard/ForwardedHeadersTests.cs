using System.Net;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Behind a TLS proxy (which forwards plain HTTP with <c>X-Forwarded-Proto: https</c>) the sign-in cookie is <c>Secure</c>;
/// the same headers from a client that is no known proxy change nothing.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ForwardedHeadersTests(DashboardFixture fixture)
{
    private static readonly Dictionary<string, string> FromTheProxy = new()
    {
        ["X-Forwarded-Proto"] = "https",
        ["X-Forwarded-For"] = "198.51.100.23",
    };

    [Fact]
    public async Task SignInCookie_IsSecure_BehindATrustedTlsProxy()
    {
        // The test client connects over loopback: the proxy on the same machine, which AdWatch trusts by default.
        var cookie = await SignInCookieAsync(FromTheProxy);

        cookie.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task SignInCookie_IsNotSecure_WhenAnUntrustedClientSendsTheHeaders()
    {
        var cookie = await SignInCookieAsync(new Dictionary<string, string>(FromTheProxy)
        {
            [TestClientAddress.Header] = "203.0.113.77",
        });

        cookie.ShouldNotContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task SignInCookie_IsNotSecure_OverPlainHttpWithoutAProxy()
    {
        var cookie = await SignInCookieAsync(new Dictionary<string, string>());

        cookie.ShouldNotContain("secure", Case.Insensitive);
    }

    private async Task<string> SignInCookieAsync(IReadOnlyDictionary<string, string> headers)
    {
        using var client = fixture.NewClient();
        var (name, password) = DashboardFixture.Accounts["analyst"];
        using var response = await FormPost.SignInAsync(client, name, password, headers);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adwatch.auth=", StringComparison.Ordinal));
    }
}
