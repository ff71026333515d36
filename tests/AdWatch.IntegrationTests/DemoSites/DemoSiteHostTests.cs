using System.Net;
using System.Net.Sockets;
using AdWatch.DemoSites.Hosting;
using AdWatch.DemoSites.Scenario;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static AdWatch.IntegrationTests.DemoSites.TestScenario;

namespace AdWatch.IntegrationTests.DemoSites;

public sealed class DemoSiteHostTests
{
    [Fact]
    public async Task StartAsync_ServesEverySiteOnSeparateLoopbackPorts()
    {
        await using var fixture = await DemoSiteFixture.StartAsync();
        var host = fixture.Host;
        host.Kontaktbord.BaseUrl.Host.ShouldBe("127.0.0.1");
        host.Nachtlicht.BaseUrl.Host.ShouldBe("127.0.0.1");
        host.Kontaktbord.BaseUrl.Port.ShouldNotBe(host.Nachtlicht.BaseUrl.Port);
        host.Kontaktbord.BaseUrl.AbsolutePath.ShouldBe("/");
        host[DemoSiteKind.Nachtlicht].ShouldBeSameAs(host.Nachtlicht);
        host.Lantaarn.BaseUrl.Host.ShouldBe("127.0.0.1");
        new[] { host.Kontaktbord.BaseUrl.Port, host.Nachtlicht.BaseUrl.Port, host.Lantaarn.BaseUrl.Port }.Distinct().Count().ShouldBe(3);
        host[DemoSiteKind.Lantaarn].ShouldBeSameAs(host.Lantaarn);
        host.SimulatedDate.ShouldBe(Start);
        (await fixture.GetStringAsync(host.Kontaktbord, "")).Body.ShouldContain("Kontaktbord");
        (await fixture.GetStringAsync(host.Nachtlicht, "")).Body.ShouldContain("Nachtlicht");
        (await fixture.GetStringAsync(host.Lantaarn, "")).Body.ShouldContain("Lantaarn");
    }

    [Fact]
    public async Task StartAsync_UsesFixedPortsAndInitialDate_WhenGiven()
    {
        int[] ports = [LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free()];
        await using var fixture = await DemoSiteFixture.StartAsync(options: new DemoSiteHostOptions
        {
            KontaktbordPort = ports[0],
            NachtlichtPort = ports[1],
            LantaarnPort = ports[2],
            InitialDate = Day(9),
        });
        fixture.Host.Kontaktbord.BaseUrl.ShouldBe(new Uri($"http://127.0.0.1:{ports[0]}/"));
        fixture.Host.Nachtlicht.BaseUrl.ShouldBe(new Uri($"http://127.0.0.1:{ports[1]}/"));
        fixture.Host.Lantaarn.BaseUrl.ShouldBe(new Uri($"http://127.0.0.1:{ports[2]}/"));
        fixture.Host.SimulatedDate.ShouldBe(Day(9));
    }

    [Theory]
    [InlineData(0, 0, 0, "KontaktbordPageSize")]
    [InlineData(5000, 5000, 20, "must differ")]
    [InlineData(70000, 0, 20, "KontaktbordPort")]
    [InlineData(5000, 0, 20, "LantaarnPort must differ", 5000)]
    public async Task StartAsync_Throws_WhenOptionsInvalid(int kontaktbordPort, int nachtlichtPort, int pageSize, string message, int lantaarnPort = 0)
    {
        var options = new DemoSiteHostOptions
        {
            KontaktbordPort = kontaktbordPort, NachtlichtPort = nachtlichtPort, KontaktbordPageSize = pageSize, LantaarnPort = lantaarnPort,
        };
        var ex = await Should.ThrowAsync<System.ComponentModel.DataAnnotations.ValidationException>(
            () => DemoSiteHost.StartAsync(TestScenario.Create(), options, DemoSiteFixture.Ct));
        ex.Message.ShouldContain(message);
    }

    [Fact]
    public async Task Images_AreDeterministicPngsThatDifferPerId()
    {
        await using var fixture = await DemoSiteFixture.StartAsync();
        async Task<byte[]> Png(DemoSite site, string id)
        {
            using var response = await fixture.GetAsync(site, $"img/{id}.png");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
            return await response.Content.ReadAsByteArrayAsync(DemoSiteFixture.Ct);
        }

        var luna = await Png(fixture.Host.Kontaktbord, "luna-1");
        (await Png(fixture.Host.Nachtlicht, "luna-1")).ShouldBe(luna);                      // same id, same bytes, any site
        var bella = await Png(fixture.Host.Kontaktbord, "bella-1");
        luna.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        using var a = Image.Load<Rgb24>(luna);
        using var b = Image.Load<Rgb24>(bella);
        a.Width.ShouldBe(160);
        a.Height.ShouldBe(120);
        long difference = 0;
        for (var y = 0; y < a.Height; y++)
            for (var x = 0; x < a.Width; x++)
                difference += Math.Abs(a[x, y].R - b[x, y].R) + Math.Abs(a[x, y].G - b[x, y].G) + Math.Abs(a[x, y].B - b[x, y].B);
        (difference / (a.Width * a.Height)).ShouldBeGreaterThan(30);                          // clearly different, not noise

        (await fixture.GetStringAsync(fixture.Host.Kontaktbord, "img/bad%20id.png")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SimulatedDate_IsSafeToChangeWhileRequestsRun()
    {
        await using var fixture = await DemoSiteFixture.StartAsync(DemoScenario.Generate(3, 500, Start, 30));
        var requests = Enumerable.Range(0, 40).Select(async i =>
        {
            fixture.Host.SimulatedDate = Start.AddDays(i % 30);
            var (status, _) = await fixture.GetStringAsync(fixture.Host.Kontaktbord, "advertenties");
            return status;
        });
        (await Task.WhenAll(requests)).ShouldAllBe(s => s == HttpStatusCode.OK);
        fixture.Host.Kontaktbord.Requests.Count(DemoRequestKind.Listing).ShouldBe(40);
    }

}
