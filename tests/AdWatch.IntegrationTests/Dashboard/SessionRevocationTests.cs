using System.Net;
using System.Security.Claims;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Dapper;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Sessions are revocable: a copy of the sign-in cookie stops reaching a protected page, at the next check a minute later
/// at most, once the session is signed out or an admin disables the account, resets its password, changes its organisation
/// or its role.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SessionRevocationTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACopiedCookie_KeepsWorking_WhileNothingChanged()
    {
        var (_, copy) = await SignedInWithCopyAsync("rev-keep");

        await AfterTheNextCheckAsync(async () => (await copy.GetAsync("/locations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK));
    }

    [Fact]
    public async Task AFormOpened_BeforeTheSessionWasCheckedAgain_IsStillAccepted()
    {
        // An analyst opens the mark form, writes her note for more than a minute, and sends it: the check of her session
        // in between renews the cookie, and the form's antiforgery token must still match the session it was issued to.
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        var page = $"/phones/{Uri.EscapeDataString(data.Phone)}/mark";
        var token = FormPost.Token(await client.GetStringAsync(page, Ct)).ShouldNotBeNull();
        var runsBefore = await AnalystPageData.AnalysisRunsAsync(fixture, Ct);

        HttpResponseMessage? response = null;
        await AfterTheNextCheckAsync(async () => response = await client.PostAsync(page,
            new FormUrlEncodedContent([new("Status", "ok"), new("Note", "na een lange notitie"), new("__RequestVerificationToken", token)]), Ct));

        response!.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        await AnalystPageData.WaitForAnalysisAsync(fixture, runsBefore, Ct); // "ok" again: the re-run changes nothing
    }

    [Fact]
    public async Task ACookieIssuedWithoutANameIdentifier_GetsOneAtItsNextCheck()
    {
        // A sign-in cookie as AdWatch issued it before the name-identifier claim, last checked two minutes ago.
        var user = (await fixture.Services.GetRequiredService<AdWatch.Accounts.UserStore>().FindAsync("ana", Ct)).ShouldNotBeNull();
        var format = fixture.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).TicketDataFormat;
        var old = SessionValidator.SessionClaims(user, fixture.Clock.GetUtcNow().AddMinutes(-2)).Where(c => c.Type != ClaimTypes.NameIdentifier)
            .Concat([new(ClaimTypes.Name, "ana"), new(ClaimTypes.Role, Policies.AnalystRole), new(UserScope.OrganisationClaim, user.Organisation!)]);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(old, CookieAuthenticationDefaults.AuthenticationScheme,
            ClaimTypes.Name, ClaimTypes.Role)), new AuthenticationProperties { IssuedUtc = fixture.Clock.GetUtcNow().AddMinutes(-2), ExpiresUtc = fixture.Clock.GetUtcNow().AddMinutes(10) },
            CookieAuthenticationDefaults.AuthenticationScheme);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(fixture.BaseUrl) };
        client.DefaultRequestHeaders.Add("Cookie", "adwatch.auth=" + format.Protect(ticket));

        var response = await client.GetAsync("/locations", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        List<string> cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? [.. set] : [];
        var renewed = cookies.SingleOrDefault(c => c.StartsWith("adwatch.auth=", StringComparison.Ordinal)).ShouldNotBeNull(string.Join(" | ", cookies));
        var principal = format.Unprotect(renewed["adwatch.auth=".Length..renewed.IndexOf(';')]).ShouldNotBeNull().Principal;
        principal.FindFirst(ClaimTypes.NameIdentifier).ShouldNotBeNull().Value.ShouldBe("ana");
    }

    [Fact]
    public async Task SignOut_EndsACopiedCookie()
    {
        var (client, copy) = await SignedInWithCopyAsync("rev-signout");

        (await FormPost.SubmitAsync(client, "/", [], "/account/signout")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await AfterTheNextCheckAsync(() => AssertRefusedAsync(copy));
    }

    [Fact]
    public async Task Disabling_EndsTheSession()
    {
        var (_, copy) = await SignedInWithCopyAsync("rev-disable");

        await AdminAsync([new("name", "rev-disable")], "Disable");

        await AfterTheNextCheckAsync(() => AssertRefusedAsync(copy));
    }

    [Fact]
    public async Task APasswordReset_EndsTheSession()
    {
        var (_, copy) = await SignedInWithCopyAsync("rev-reset");

        await AdminAsync([new("Name", "rev-reset"), new("Password", "Vuurtoren-Kompas-Regen-71"), new("Repeat", "Vuurtoren-Kompas-Regen-71")], "Reset");

        await AfterTheNextCheckAsync(() => AssertRefusedAsync(copy));
    }

    [Fact]
    public async Task AnOrganisationChange_EndsTheSession()
    {
        var (_, copy) = await SignedInWithCopyAsync("rev-org");

        await AdminAsync([new("Name", "rev-org"), new("Organisation", "ermelo")], "Organisation");

        await AfterTheNextCheckAsync(() => AssertRefusedAsync(copy));
    }

    [Fact]
    public async Task ARoleChange_EndsTheSession()
    {
        var (_, copy) = await SignedInWithCopyAsync("rev-role");

        // No page changes a role yet; whatever does, the cookie's role no longer matching the account ends the session.
        await using (var connection = await fixture.Services.GetRequiredService<Database>().OpenAsync(Ct))
        {
            await connection.ExecuteAsync("UPDATE users SET role = 'coordinator' WHERE name = 'rev-role'");
        }

        await AfterTheNextCheckAsync(() => AssertRefusedAsync(copy));
    }

    // Signs a new analyst in; returns its client and a second client that sends a copy of its sign-in cookie (and keeps
    // sending that copy: it ignores renewed cookies, as a thief replaying a stolen one would).
    private async Task<(HttpClient Client, HttpClient Copy)> SignedInWithCopyAsync(string name)
    {
        var password = await fixture.AddUserAsync(name, Policies.AnalystRole);
        var client = fixture.NewClient();
        var signIn = await FormPost.SignInAsync(client, name, password);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("adwatch.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = client.BaseAddress };
        copy.DefaultRequestHeaders.Add("Cookie", auth);
        (await copy.GetAsync("/locations", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works at first");
        return (client, copy);
    }

    private async Task AdminAsync(IEnumerable<KeyValuePair<string, string>> fields, string handler)
    {
        using var admin = await fixture.SignedInClientAsync(Policies.AdminRole);
        var response = await FormPost.SubmitAsync(admin, "/admin/users", fields, "/admin/users?handler=" + handler);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("class=\"alert alert-ok\"");
    }

    // Moves the app's clock past the next check of the cookie (SessionValidator.Interval) instead of waiting for it.
    private async Task AfterTheNextCheckAsync(Func<Task> assert)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        try
        {
            await assert();
        }
        finally
        {
            fixture.Clock.Reset();
        }
    }

    private static async Task AssertRefusedAsync(HttpClient copy)
    {
        var response = await copy.GetAsync("/locations", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
    }
}
