using System.Net;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.Observability;
using AdWatch.Web.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// <c>/metrics</c> exists only when <c>Observability:Prometheus</c> is true, answers loopback and the configured networks
/// only, and needs no sign-in; the settings are checked at start and named in the error.
/// </summary>
public sealed class MetricsEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_ServesTheAdWatchMeterToLoopback_WhenPrometheusIsOn()
    {
        await using var app = await HealthApp.StartAsync("""{ "Observability": { "Prometheus": true } }""");
        var telemetry = app.Services.GetRequiredService<AdWatchTelemetry>();
        telemetry.Export("webhook", "done");
        telemetry.Export("webhook", "done");
        telemetry.AlertsSent("email", 3);
        using var client = app.NewClient();

        var response = await client.GetAsync("/metrics", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Ct);
        text.ShouldContain("adwatch_exports_total{otel_scope_name=\"AdWatch\",kind=\"webhook\",outcome=\"done\"} 2");
        text.ShouldContain("adwatch_alerts_sent_total{otel_scope_name=\"AdWatch\",channel=\"email\"} 3");
    }

    [Fact]
    public async Task Metrics_Answers404ToOtherNetworks_AndHealthStillAnswersThem()
    {
        await using var app = await HealthApp.StartAsync("""{ "Observability": { "Prometheus": true, "PrometheusAllowedNetworks": [ "10.42.0.0/16" ] } }""");
        using var client = app.NewClient();

        async Task<HttpStatusCode> FromAsync(string address, string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(TestClientAddress.Header, address);
            using var response = await client.SendAsync(request, Ct);
            return response.StatusCode;
        }

        (await FromAsync("10.42.1.7", "/metrics")).ShouldBe(HttpStatusCode.OK);
        (await FromAsync("192.0.2.9", "/metrics")).ShouldBe(HttpStatusCode.NotFound);
        (await FromAsync("192.0.2.9", "/health/live")).ShouldBe(HttpStatusCode.OK);
        (await FromAsync("192.0.2.9", "/health/ready")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Metrics_IsNotMapped_WhenPrometheusIsOff()
    {
        await using var app = await HealthApp.StartAsync();
        using var client = app.NewClient();

        var response = await client.GetAsync("/metrics", Ct);

        // Like any unknown page for an anonymous client: to sign-in, no metrics.
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/account/signin");
    }

    [Theory]
    [InlineData("127.0.0.1", "", true)]
    [InlineData("::1", "", true)]
    [InlineData("::ffff:127.0.0.1", "", true)]
    [InlineData("10.42.1.7", "", false)]
    [InlineData("10.42.1.7", "10.42.0.0/16", true)]
    [InlineData("10.43.1.7", "10.42.0.0/16", false)]
    [InlineData("::ffff:10.42.1.7", "10.42.0.0/16", true)]
    [InlineData("fd00::5", "fd00::/8", true)]
    public void MayScrape_AllowsLoopbackAndTheConfiguredNetworksOnly(string client, string networks, bool allowed)
    {
        var options = new ObservabilityOptions { PrometheusAllowedNetworks = [.. networks.Split(',', StringSplitOptions.RemoveEmptyEntries)] };

        ObservabilitySetup.MayScrape(IPAddress.Parse(client), options.AllowedNetworks()).ShouldBe(allowed);
    }

    [Theory]
    [InlineData("""{ "Observability": { "PrometheusAllowedNetworks": [ "10.42.0.0/33" ] } }""", "Observability:PrometheusAllowedNetworks has '10.42.0.0/33'")]
    [InlineData("""{ "Observability": { "OtlpEndpoint": "collector:4317" } }""", "Observability:OtlpEndpoint must be an http(s) URL")]
    [InlineData("""{ "Observability": { "MinFreeDiskMegabytes": -1 } }""", "Observability:MinFreeDiskMegabytes must be between 0 and 10000000")]
    public async Task Start_FailsNamingTheSetting_WhenObservabilitySettingIsInvalid(string json, string message)
    {
        var error = await Should.ThrowAsync<OptionsValidationException>(() => HealthApp.StartAsync(json));

        error.Message.ShouldContain(message);
    }
}
