using System.Collections.Concurrent;
using System.Text.Json;
using AdWatch.Exports;
using AdWatch.IntegrationTests.Observability;
using AdWatch.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>Signed lead webhooks against a loopback receiver that fails its first deliveries.</summary>
public sealed class WebhookExportTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly ConcurrentQueue<(HeaderDictionary Headers, string Body)> _deliveries = new();
    private int _failFirst;
    private WebApplication _receiver = null!;
    private ExportHarness _harness = null!;
    private long _flagId;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async ctx =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (k, v) in ctx.Request.Headers)
            {
                headers[k] = v;
            }
            _deliveries.Enqueue((headers, body));
            ctx.Response.StatusCode = _deliveries.Count <= _failFirst ? 503 : 204;
        });
        await _receiver.StartAsync();
        var url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        _harness = await ExportHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Exports:Webhook:Url"] = url,
            ["Exports:Webhook:Secret"] = Secret,
            ["Exports:Webhook:Retries"] = "1",
            ["Exports:Webhook:RetryDelay"] = "00:00:00.010",
        });
        _flagId = await LeadSeed.LeadAsync(_harness.Database);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Delivery_VerifiesWithStandardWebhooks_AndCarriesTheLead()
    {
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();

        await _harness.RunJobAsync(id);

        var (headers, body) = _deliveries.ShouldHaveSingleItem();
        Should.NotThrow(() => new StandardWebhook(Secret).Verify(body, headers));
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("type").GetString().ShouldBe("adwatch.lead.export");
        var lead = json.RootElement.GetProperty("data");
        lead.GetProperty("leadId").GetString().ShouldBe($"lead-{_flagId}");
        lead.GetProperty("phones").EnumerateArray().Select(p => p.GetString()).ShouldBe(["+31612345001", "+31612345002", "+31612345003"]);
        lead.GetProperty("ads")[0].GetProperty("evidenceSha256").GetString().ShouldBe(LeadSeed.EvidenceShaOf("pc6:3841AB:14"));
        (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.Status.ShouldBe("done");
    }

    [Fact]
    public async Task WebhookId_StaysTheSameAcrossRetries_WhileTheTimestampIsPerAttempt()
    {
        _failFirst = 2; // the first job attempt and its one in-call retry both get 503
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();

        await _harness.RunJobAsync(id);
        (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.Status.ShouldBe("pending");
        _harness.Time.Advance(TimeSpan.FromSeconds(90));
        await _harness.RunJobAsync(id);

        var deliveries = _deliveries.ToList();
        deliveries.Count.ShouldBe(3);
        deliveries.Select(d => d.Headers["webhook-id"].ToString()).Distinct().ShouldHaveSingleItem().ShouldBe($"msg_adwatch_export_{id}");
        deliveries[2].Headers["webhook-timestamp"].ToString().ShouldNotBe(deliveries[0].Headers["webhook-timestamp"].ToString());
        foreach (var (headers, body) in deliveries)
        {
            Should.NotThrow(() => new StandardWebhook(Secret).Verify(body, headers));
        }
        (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.Status.ShouldBe("done");
    }

    [Fact]
    public async Task TamperedBody_FailsVerification()
    {
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();
        await _harness.RunJobAsync(id);

        var (headers, body) = _deliveries.Single();

        Should.Throw<WebhookVerificationException>(() => new StandardWebhook(Secret).Verify(body.Replace("+31612345001", "+31699999999"), headers));
        Should.Throw<WebhookVerificationException>(() => new StandardWebhook("whsec_" + Convert.ToBase64String(new byte[24])).Verify(body, headers));
    }

    [Fact]
    public async Task ExportJob_CountsEachAttemptByKindAndOutcome()
    {
        using var metrics = new MeterRecorder(_harness.Get<AdWatchTelemetry>().Meter);
        _failFirst = 2; // the first job attempt (with its in-call retry) fails, the second succeeds
        var id = (await _harness.Get<LeadExports>().RequestAsync(_flagId, "coco", "coordinator", CancellationToken.None)).Single();

        await _harness.RunJobAsync(id);
        _harness.Time.Advance(TimeSpan.FromSeconds(90));
        await _harness.RunJobAsync(id);
        await _harness.RunJobAsync(id); // done already: no attempt

        metrics.Of("adwatch.exports").Select(m => (m.Tags["kind"], m.Tags["outcome"])).ShouldBe([("webhook", "retry"), ("webhook", "done")]);
        (await _harness.Get<ExportStore>().GetAsync(id, CancellationToken.None))!.Attempts.ShouldBe(2);
    }
}
