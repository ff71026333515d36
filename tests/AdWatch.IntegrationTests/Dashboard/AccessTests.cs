using System.Net;
using AdWatch.Web.Security;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Who may open what: anonymous users are sent to sign-in everywhere, admin pages and /hangfire are admin only.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AccessTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/locations")]
    [InlineData("/phones")]
    [InlineData("/touring")]
    [InlineData("/crawlers")]
    [InlineData("/admin/audit")]
    [InlineData("/admin/users")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/enqueued")]
    [InlineData("/no-such-page")]
    public async Task AnonymousRequest_RedirectsToSignIn(string path)
    {
        using var client = fixture.NewClient();

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
        response.Headers.Location.Query.ShouldContain("ReturnUrl=" + Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/account/signin")]
    [InlineData("/account/setup?token=x")]
    [InlineData("/css/site.css")]
    [InlineData("/healthz")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AnonymousRequest_IsServed_ForSignInSetupStaticFilesAndHealth(string path)
    {
        using var client = fixture.NewClient();

        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(Policies.AnalystRole, "/hangfire")]
    [InlineData(Policies.AnalystRole, "/admin/audit")]
    [InlineData(Policies.AnalystRole, "/admin/users")]
    [InlineData(Policies.CoordinatorRole, "/hangfire")]
    [InlineData(Policies.CoordinatorRole, "/admin/users")]
    public async Task SignedInNonAdmin_IsDenied_OnAdminPages(string role, string path)
    {
        using var client = await fixture.SignedInClientAsync(role);

        var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/denied");
        var denied = await client.GetAsync(response.Headers.Location, Ct);
        denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await denied.Content.ReadAsStringAsync(Ct)).ShouldContain("Geen toegang");
    }

    [Fact]
    public async Task UnknownPage_ShowsTheNotFoundPage_WhenSignedIn()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);

        var response = await client.GetAsync("/no-such-page", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Pagina niet gevonden");
    }

    [Fact]
    public async Task Admin_OpensHangfire()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var response = await client.GetAsync("/hangfire", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("Hangfire");
    }

    [Fact]
    public async Task Post_IsRejected_WithoutAntiforgeryToken()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent([]), Ct);
        var signIn = await client.PostAsync("/account/signin", new FormUrlEncodedContent([new("Name", "ana"), new("Password", "x")]), Ct);

        signOut.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        signIn.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the rejected sign-out must not have signed out");
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        using var client = fixture.NewClient();

        foreach (var path in new[] { "/account/signin", "/", "/css/site.css" })
        {
            var response = await client.GetAsync(path, Ct);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            csp.ShouldBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https://service.pdok.nl; " +
                         "frame-ancestors 'none'; object-src 'none'; base-uri 'none'; form-action 'self'", path);
            response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
            response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
            response.Headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY");
            response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        }
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSiteStrict()
    {
        using var client = fixture.NewClient();
        var page = await client.GetStringAsync("/account/signin", Ct);

        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent([
            new("Name", "ana"), new("Password", DashboardFixture.Accounts[Policies.AnalystRole].Password),
            new("__RequestVerificationToken", FormPost.Token(page)!),
        ]), Ct);

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adwatch.auth=", StringComparison.Ordinal));
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=strict", Case.Insensitive);
    }
}
