using System.Net;
using AdWatch.Accounts;
using AdWatch.Storage;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Local sign-in over HTTP: success, failures that do not reveal accounts, lockout (of the failing client only), disabled
/// accounts, idle timeout.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string FailureText = "Inloggen mislukt";

    [Fact]
    public async Task SignIn_RedirectsToOverview_WithTheRightPassword()
    {
        using var client = fixture.NewClient();

        var response = await FormPost.SignInAsync(client, "ana", DashboardFixture.Accounts[Policies.AnalystRole].Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe("/");
        var overview = await client.GetAsync("/", Ct);
        overview.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await overview.Content.ReadAsStringAsync(Ct)).ShouldContain("<span class=\"user-name\">ana</span>");
    }

    [Theory]
    [InlineData("/admin/audit?actor=ana", "/admin/audit?actor=ana")]
    // must not leave the site
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public async Task SignIn_ReturnsOnlyToLocalUrls(string returnUrl, string expected)
    {
        using var client = fixture.NewClient();
        var (name, password) = DashboardFixture.Accounts[Policies.AdminRole];

        var response = await FormPost.SubmitAsync(client, "/account/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            [new("Name", name), new("Password", password), new("ReturnUrl", returnUrl)]);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(expected);
    }

    [Fact]
    public async Task SignInAndSignOut_AreAudited()
    {
        var audit = fixture.Services.GetRequiredService<AuditLog>();
        // By id, not by time: other tests in this fixture move its clock, so "newest by time" may be theirs.
        var before = (await audit.ListAsync(null, 100_000, Ct)).Select(e => e.Id).DefaultIfEmpty().Max();
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);

        (await FormPost.SubmitAsync(client, "/", [], "/account/signout")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var log = (await audit.ListAsync(null, 100_000, Ct)).Where(e => e.Id > before).OrderByDescending(e => e.Id).ToList();
        log[0].ShouldSatisfyAllConditions(e => e.Actor.ShouldBe("coco"), e => e.Action.ShouldBe("sign_out"));
        log.ShouldContain(e => e.Actor == "coco" && e.Action == "sign_in" && e.Detail == "password");
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "signed out");
    }

    [Fact]
    public async Task SignIn_ShowsTheSameFailure_ForAWrongPasswordAndAnUnknownAccount()
    {
        using var client = fixture.NewClient();

        var wrongPassword = await FormPost.SignInAsync(client, "coco", "not-the-password-of-coco");
        var unknownAccount = await FormPost.SignInAsync(client, "nobody-here", "not-the-password-of-coco");

        wrongPassword.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknownAccount.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = Message(await wrongPassword.Content.ReadAsStringAsync(Ct));
        var b = Message(await unknownAccount.Content.ReadAsStringAsync(Ct));
        a.ShouldContain(FailureText);
        b.ShouldBe(a);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 50, TestContext.Current.CancellationToken);
        audit.ShouldContain(e => e.Action == "sign_in_failed" && e.Actor == "nobody-here");
        audit.ShouldContain(e => e.Action == "sign_in_failed" && e.Actor == "coco");
    }

    [Fact]
    public async Task SignIn_RefusesTheRightPassword_AfterFiveFailures()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddUserAsync("lotte", Policies.AnalystRole, "lotte-wachtwoord-2024", ct);
        using var client = fixture.NewClient();

        for (var i = 0; i < 5; i++)
        {
            (await FormPost.SignInAsync(client, "lotte", "wrong-password-" + i)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var locked = await FormPost.SignInAsync(client, "lotte", "lotte-wachtwoord-2024");

        locked.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(await locked.Content.ReadAsStringAsync(Ct)).ShouldContain(FailureText);
        var user = await fixture.Services.GetRequiredService<UserStore>().FindAsync("lotte", ct);
        user!.LockedUntil.ShouldNotBeNull();
        (user.LockedUntil.Value - fixture.Clock.GetUtcNow()).TotalMinutes.ShouldBeInRange(14, 15.1);
    }

    [Fact]
    public async Task SignIn_LetsTheOwnerIn_FromAnotherAddress_AfterAnAttackerFailedFiftyTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddUserAsync("vicky", Policies.AnalystRole, "vicky-wachtwoord-2024", ct);
        var attackerAddress = new Dictionary<string, string> { [TestClientAddress.Header] = "203.0.113.5" };
        using var attacker = fixture.NewClient();
        for (var i = 0; i < 50; i++)
        {
            (await FormPost.SignInAsync(attacker, "vicky", "wrong-password-" + i, attackerAddress)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var owner = fixture.NewClient();

        var fromElsewhere = await FormPost.SignInAsync(owner, "vicky", "vicky-wachtwoord-2024",
            new Dictionary<string, string> { [TestClientAddress.Header] = "198.51.100.20" });
        var fromTheAttacker = await FormPost.SignInAsync(attacker, "vicky", "vicky-wachtwoord-2024", attackerAddress);

        fromElsewhere.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the lockout holds for the attacker's address only");
        fromTheAttacker.StatusCode.ShouldBe(HttpStatusCode.OK, "the attacker's address is locked, even with the right password");
        Message(await fromTheAttacker.Content.ReadAsStringAsync(Ct)).ShouldContain(FailureText);
        var audit = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 100, ct);
        audit.ShouldContain(e => e.Actor == "vicky" && e.Action == "sign_in_failed" && e.Detail!.StartsWith("locked for this client until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_AcceptsTheRightPasswordAgain_WhenTheLockoutHasPassed_EvenAfterATypo()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddUserAsync("lieke", Policies.AnalystRole, "lieke-wachtwoord-2024", ct);
        using var client = fixture.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await FormPost.SignInAsync(client, "lieke", "wrong-password-" + i);
        }

        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            // One typo after the lockout does not lock again: the old failures are forgotten.
            (await FormPost.SignInAsync(client, "lieke", "one-more-typo")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await FormPost.SignInAsync(client, "lieke", "lieke-wachtwoord-2024")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally
        {
            fixture.Clock.Reset();
        }
    }

    [Fact]
    public async Task SignIn_RefusesADisabledAccount_WithTheRightPassword()
    {
        var ct = TestContext.Current.CancellationToken;
        await AddUserAsync("dirk", Policies.CoordinatorRole, "dirk-wachtwoord-2024", ct);
        await fixture.Services.GetRequiredService<UserStore>().SetDisabledAsync("dirk", true, ct);
        using var client = fixture.NewClient();

        var response = await FormPost.SignInAsync(client, "dirk", "dirk-wachtwoord-2024");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        Message(await response.Content.ReadAsStringAsync(Ct)).ShouldContain(FailureText);
        (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Session_Expires_AfterThirtyIdleMinutes_ButNotWhileInUse()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AnalystRole);
        try
        {
            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            fixture.Clock.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "the request at 20 minutes slid the expiry");

            fixture.Clock.Advance(TimeSpan.FromMinutes(31));
            var expired = await client.GetAsync("/", Ct);

            expired.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            expired.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
        }
        finally
        {
            fixture.Clock.Reset();
        }
    }

    [Fact]
    public async Task SignInFailure_IsInEnglish_WhenEnglishIsChosen()
    {
        using var client = fixture.NewClient();
        (await client.GetAsync("/account/signin?culture=en", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await FormPost.SignInAsync(client, "ana", "wrong-password-in-english");

        var html = await response.Content.ReadAsStringAsync(Ct);
        Message(html).ShouldStartWith("Sign-in failed");
        html.ShouldContain("<html lang=\"en-GB\">");
    }

    private async Task AddUserAsync(string name, string role, string password, CancellationToken ct)
    {
        var users = fixture.Services.GetRequiredService<UserStore>();
        if (await users.FindAsync(name, ct) is null)
        {
            await users.AddAsync(name, EnumText.Parse<Role>(role), PasswordSignIn.Hash(name, password), fixture.Clock.GetUtcNow(), "regio", ct);
        }
    }

    private static string Message(string html)
    {
        var start = html.IndexOf("id=\"signin-error\">", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "no sign-in error shown");
        start += "id=\"signin-error\">".Length;
        return System.Net.WebUtility.HtmlDecode(html[start..html.IndexOf("</p>", start, StringComparison.Ordinal)]);
    }
}
