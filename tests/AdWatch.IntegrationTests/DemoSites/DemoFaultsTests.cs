using System.IO.Compression;
using System.Net;
using AdWatch.DemoSites.Faults;
using AdWatch.DemoSites.Hosting;
using Microsoft.Extensions.Time.Testing;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class DemoFaultsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset FakeNow = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(FakeNow);
    private DemoSiteFixture _fixture = null!;

    private DemoSite Site => _fixture.Host.Kontaktbord;

    public async ValueTask InitializeAsync()
    {
        _fixture = await DemoSiteFixture.StartAsync(options: new DemoSiteHostOptions { TimeProvider = _time });
        _fixture.Host.SimulatedDate = Day(3);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private async Task<HttpStatusCode> StatusAsync(string relative, DemoSite? site = null)
    {
        using var response = await _fixture.GetAsync(site ?? Site, relative);
        return response.StatusCode;
    }

    [Fact]
    public async Task ResponseDelay_HoldsResponseUntilDelayPassed()
    {
        Site.Faults = new() { ResponseDelay = TimeSpan.FromSeconds(30) };
        var pending = _fixture.GetAsync(Site, "advertenties");
        await Task.Delay(300, DemoSiteFixture.Ct);
        pending.IsCompleted.ShouldBeFalse();

        // On a loaded machine the request may reach the server's timer only after a first Advance: keep advancing.
        for (var attempt = 0; attempt < 100 && !pending.IsCompleted; attempt++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(pending, Task.Delay(100, DemoSiteFixture.Ct));
        }
        using var response = await pending;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ServerError_Returns500OnEveryRequest_WhenAlways()
    {
        Site.Faults = new() { ServerError = new DemoServerError() };
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.InternalServerError);
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.InternalServerError);
        Site.Requests.Snapshot().ShouldAllBe(r => r.Fault == DemoFaultKind.ServerError && r.StatusCode == 500);
    }

    [Fact]
    public async Task ServerError_FailsFirstNRequestsPerUrl_ThenServesNormally()
    {
        Site.Faults = new() { ServerError = new DemoServerError(FirstRequests: 2) };
        (await StatusAsync("advertentie/a1")).ShouldBe(HttpStatusCode.InternalServerError);
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.InternalServerError);   // own counter per URL
        (await StatusAsync("advertentie/a1")).ShouldBe(HttpStatusCode.InternalServerError);
        (await StatusAsync("advertentie/a1")).ShouldBe(HttpStatusCode.OK);

        Site.Faults = Site.Faults with { };                                                   // assigning resets counters
        (await StatusAsync("advertentie/a1")).ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Throttle_Returns429WithRetryAfterSeconds_RoundedUp()
    {
        Site.Faults = new() { Throttle = new DemoThrottle(TimeSpan.FromSeconds(2.5), FirstRequests: 1) };
        using (var throttled = await _fixture.GetAsync(Site, "advertenties"))
        {
            throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(3));
        }
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.OK);
        Site.Requests.Snapshot().Select(r => r.Fault).ShouldBe([DemoFaultKind.Throttle, DemoFaultKind.None]);
    }

    [Fact]
    public async Task Throttle_Returns503WithRetryAfterHttpDate_FromHostClock()
    {
        Site.Faults = new() { Throttle = new DemoThrottle(TimeSpan.FromMinutes(2), StatusCode: 503, AsHttpDate: true) };
        using var response = await _fixture.GetAsync(Site, "advertentie/a1");
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.GetValues("Retry-After").Single().ShouldBe("Thu, 15 Jan 2026 10:02:00 GMT");
        response.Headers.RetryAfter!.Date.ShouldBe(FakeNow.AddMinutes(2));
        Site.Requests.Snapshot().Single().At.ShouldBe(FakeNow);
    }

    [Fact]
    public async Task TruncatedBody_DeclaresMoreThanItSendsAndAborts()
    {
        Site.Faults = new() { TruncatedBody = true };
        using var response = await _fixture.GetAsync(Site, "advertentie/a1");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var declared = response.Content.Headers.ContentLength!.Value;
        await using var body = await response.Content.ReadAsStreamAsync(DemoSiteFixture.Ct);
        var buffer = new byte[declared + 1];
        var read = 0;
        var ex = await Should.ThrowAsync<IOException>(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer.AsMemory(read), DemoSiteFixture.Ct)) > 0) read += n;
        });
        ex.Message.ShouldNotBeNullOrEmpty();
        read.ShouldBeLessThan((int)declared - 4000);            // usually half the page arrives; timing may drop it
    }

    [Fact]
    public async Task GzipBomb_SendsGzipThatInflatesToZerosFarBeyondItsSize()
    {
        Site.Faults = new() { GzipBomb = true };
        using var response = await _fixture.GetAsync(Site, "advertenties");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        response.Content.Headers.ContentLength.ShouldBeNull();

        await using var raw = await response.Content.ReadAsStreamAsync(DemoSiteFixture.Ct);
        var counting = new CountingStream(raw);
        await using var inflated = new GZipStream(counting, CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        long total = 0;
        while (total < 32L << 20)
        {
            var n = await inflated.ReadAsync(buffer, DemoSiteFixture.Ct);
            n.ShouldBeGreaterThan(0);
            buffer.AsSpan(0, n).ContainsAnyExcept((byte)0).ShouldBeFalse();
            total += n;
        }
        counting.BytesRead.ShouldBeLessThan(total / 100);   // ratio far above 100:1; we stop long before 1 GiB
    }

    [Fact]
    public async Task RedirectLoop_RedirectsBackToAnEarlierUrl()
    {
        Site.Faults = new() { RedirectLoop = true };
        var seen = new List<string> { "/advertenties?pagina=2" };
        for (var hop = 0; hop < 4; hop++)
        {
            using var response = await _fixture.GetAsync(Site, seen[^1]);
            response.StatusCode.ShouldBe(HttpStatusCode.Found);
            seen.Add(response.Headers.Location!.OriginalString);
        }
        seen.ShouldBe(["/advertenties?pagina=2", "/advertenties?pagina=2&lus=1", "/advertenties", "/advertenties?lus=1", "/advertenties"]);
    }

    [Fact]
    public async Task OffSiteRedirect_PointsToOtherHost_WithoutContactingIt()
    {
        Site.Faults = new() { OffSiteRedirect = true };
        using var response = await _fixture.GetAsync(Site, "advertentie/a1?x=1");
        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location.ShouldBe(new Uri("http://203.0.113.7/advertentie/a1?x=1"));
        Site.Requests.Snapshot().Single().Fault.ShouldBe(DemoFaultKind.OffSiteRedirect);
    }

    [Fact]
    public async Task Captcha_ServesChallengeWith200_EvenForApi()
    {
        _fixture.Host.Nachtlicht.Faults = new() { Captcha = true };
        var (status, body) = await _fixture.GetStringAsync(_fixture.Host.Nachtlicht, "api/ads", r => r.Headers.Add("Cookie", "leeftijd=18plus"));
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("<div id=\"captcha\" class=\"captcha-challenge\">");
        body.ShouldContain("geen robot");
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.OK);                     // Kontaktbord unaffected
    }

    [Fact]
    public async Task PathPrefix_LimitsFaultsToMatchingPaths_AndRobotsIsExemptByDefault()
    {
        Site.Faults = new() { ServerError = new DemoServerError(), PathPrefix = "/advertentie/" };
        (await StatusAsync("advertentie/a1")).ShouldBe(HttpStatusCode.InternalServerError);
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.OK);

        Site.Faults = new() { ServerError = new DemoServerError() };
        (await StatusAsync("robots.txt")).ShouldBe(HttpStatusCode.OK);
        Site.Faults = new() { ServerError = new DemoServerError(), PathPrefix = "/" };
        (await StatusAsync("robots.txt")).ShouldBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Faults_Combine_InDocumentedPrecedence()
    {
        Site.Faults = new()
        {
            Throttle = new DemoThrottle(TimeSpan.FromSeconds(1), FirstRequests: 1),
            ServerError = new DemoServerError(FirstRequests: 1),
            Captcha = true,
        };
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.TooManyRequests);
        (await StatusAsync("advertenties")).ShouldBe(HttpStatusCode.InternalServerError);
        var (status, body) = await _fixture.GetStringAsync(Site, "advertenties");
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("captcha-challenge");
        Site.Requests.Snapshot().Select(r => r.Fault).ShouldBe([DemoFaultKind.Throttle, DemoFaultKind.ServerError, DemoFaultKind.Captcha]);
    }

    /// <summary>Counts compressed bytes pulled from the wire.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        private int Count(int n)
        {
            BytesRead += n;
            return n;
        }
    }
}
