using System.Net;
using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Storage;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real app with the shipped sign-in limits (<c>Dashboard:SignInAttemptsPerMinute</c> 10, lockout after 5) on an empty
/// temp SQLite file with one account: the shared <see cref="DashboardFixture"/> raises the limit for its many loopback sign-ins.
/// </summary>
public sealed class SignInThrottleFixture : IAsyncLifetime
{
    public const string Victim = "tessa";
    public const string Password = "blauwe reiger boven het Veluwemeer";
    private TestWebApp? _app;

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => _app!.Services;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _app = await TestWebApp.BuildAsync("adwatch-throttle-", "throttle.db", builder =>
        {
            builder.Services.AddTransient<IStartupFilter, TestClientAddress>();
            builder.Logging.SetMinimumLevel(LogLevel.Error);
        }, ct);
        await _app.Services.GetRequiredService<UserStore>().AddAsync(Victim, Role.Analyst, PasswordSignIn.Hash(Victim, Password),
            TimeProvider.System.GetUtcNow(), "regio", ct);
        await _app.StartAsync(ct);
        BaseUrl = _app.BaseUrl;
    }

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
    {
        BaseAddress = new Uri(BaseUrl),
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Runs alone, like <see cref="DashboardCollection"/>: its app's background jobs are waited for, and need not share the machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SignInThrottleCollection : ICollectionFixture<SignInThrottleFixture>
{
    public const string Name = "SignInThrottle";
}

/// <summary>
/// One anonymous client hammering the sign-in form: before, 200 failures wrote 200 audit rows in 19 s and locked the account
/// for everyone. Now the client is refused with 429 past the per-minute limit (not checked, not audited) and the account's
/// owner, at another address, signs in as usual.
/// </summary>
[Collection(SignInThrottleCollection.Name)]
public sealed class SignInThrottleTests(SignInThrottleFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Dictionary<string, string> Attacker = new() { [TestClientAddress.Header] = "203.0.113.5" };
    private static readonly Dictionary<string, string> Owner = new() { [TestClientAddress.Header] = "198.51.100.20" };

    [Fact]
    public async Task AnAttackersFiftyFailures_AreThrottled_AndNotAudited_AndTheOwnerStillSignsIn()
    {
        var audit = fixture.Services.GetRequiredService<AuditLog>();
        var before = (await audit.ListAsync(null, 100_000, Ct)).Select(e => e.Id).DefaultIfEmpty().Max();
        using var attacker = fixture.NewClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;

        for (var i = 0; i < 50; i++)
        {
            var response = await FormPost.SignInAsync(attacker, SignInThrottleFixture.Victim, "geraden-wachtwoord-" + i, Attacker);
            statuses.Add(response.StatusCode);
            throttled ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }
        using var owner = fixture.NewClient();
        var ownerSignIn = await FormPost.SignInAsync(owner, SignInThrottleFixture.Victim, SignInThrottleFixture.Password, Owner);

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.OK, "the first 10 posts of a minute are checked (and fail)");
        statuses.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests, "past 10 a minute the client is refused");
        throttled.ShouldNotBeNull();
        int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        (await throttled.Content.ReadAsStringAsync(Ct)).ShouldContain("Te veel pogingen");
        var rows = (await audit.ListAsync(null, 100_000, Ct)).Where(e => e.Id > before && e.Action == "sign_in_failed").ToList();
        rows.Count.ShouldBe(10, "throttled attempts are not audited one by one");
        ownerSignIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, "the attacker's failures do not lock the owner out");
        (await owner.GetAsync("/", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheSignInForm_IsStillShown_ToAThrottledClient_AndTheRefusalIsInEnglish_WhenChosen()
    {
        var address = new Dictionary<string, string> { [TestClientAddress.Header] = "203.0.113.9" };
        using var client = fixture.NewClient();
        (await client.GetAsync("/account/signin?culture=en", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        for (var i = 0; i < 10; i++)
        {
            (await FormPost.SignInAsync(client, "nobody-" + i, "some-guess-or-other", address)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await FormPost.SignInAsync(client, "nobody", "some-guess-or-other", address);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await refused.Content.ReadAsStringAsync(Ct)).ShouldContain("Too many sign-in attempts came from your address.");
        (await client.GetAsync("/account/signin", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, "only posts count");
    }
}
