using System.Collections.Concurrent;
using System.Text.Json;
using AdWatch.Accounts;
using AdWatch.Alerts;
using AdWatch.IntegrationTests.Exports;
using AdWatch.IntegrationTests.Observability;
using AdWatch.Observability;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using netDumbster.smtp;
using StandardWebhooks;

namespace AdWatch.IntegrationTests.Alerts;

/// <summary>
/// Alerts end to end on SQLite: a new flag is raised once into every user's inbox with its evidence pack, goes out as a
/// signed webhook (Standard Webhooks) and by e-mail to a local SMTP server (netDumbster) at once or in the digest, and a
/// watched phone raises an alert for its watcher only.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly ConcurrentQueue<(HeaderDictionary Headers, string Body)> _hooks = new();
    private int _failHooks;
    private TimeSpan _hookDelay;
    private WebApplication _receiver = null!;
    private SimpleSmtpServer _smtp = null!;
    private ExportHarness _harness = null!;

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
            await Task.Delay(_hookDelay);
            if (Interlocked.Decrement(ref _failHooks) >= 0)
            {
                ctx.Response.StatusCode = 503;
                return;
            }
            _hooks.Enqueue((headers, body));
            ctx.Response.StatusCode = 204;
        });
        await _receiver.StartAsync();
        var url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        _smtp = SimpleSmtpServer.Start(LoopbackPort.Free());
        _harness = await ExportHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Exports:Webhook:Url"] = url,
            ["Exports:Webhook:Secret"] = Secret,
            ["Alerts:SmtpHost"] = "127.0.0.1",
            ["Alerts:SmtpPort"] = _smtp.Configuration.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:SmtpSecurity"] = "None",
            ["Alerts:From"] = "AdWatch <adwatch@gemeente.test>",
            ["Alerts:DashboardUrl"] = "https://adwatch.gemeente.test",
            ["Alerts:RelapseWatchDays"] = "10",
        });
        var users = _harness.Get<UserStore>();
        await users.AddAsync("direct", Role.Analyst, null, _harness.Time.GetUtcNow(), "regio", CancellationToken.None);
        await users.AddAsync("dagelijks", Role.Coordinator, null, _harness.Time.GetUtcNow(), "regio", CancellationToken.None);
        await users.AddAsync("alleen-inbox", Role.Analyst, null, _harness.Time.GetUtcNow(), "regio", CancellationToken.None);
        await users.AddAsync("ermelo", Role.Analyst, null, _harness.Time.GetUtcNow(), "ermelo", CancellationToken.None);
        var store = _harness.Get<AlertStore>();
        (await store.SetDeliveryAsync("direct", "direct@gemeente.test", "immediate", CancellationToken.None)).ShouldBeTrue();
        (await store.SetDeliveryAsync("dagelijks", "dagelijks@gemeente.test", "digest", CancellationToken.None)).ShouldBeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        _smtp.Stop();
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task NewFlag_IsRaisedOnce_IntoEveryInbox_WithItsEvidencePack()
    {
        var ct = TestContext.Current.CancellationToken;
        var flagId = await LeadSeed.LeadAsync(_harness.Database, ct: ct);
        var scan = _harness.Get<AlertScan>();

        var raised = await scan.ScanAsync(ct);
        (await scan.ScanAsync(ct)).ShouldBeEmpty();

        raised.Count.ShouldBe(1);
        var store = _harness.Get<AlertStore>();
        foreach (var user in new[] { "direct", "dagelijks", "alleen-inbox" })
        {
            var alert = (await store.InboxAsync(user, unreadOnly: true, 10, ct)).ShouldHaveSingleItem();
            alert.Kind.ShouldBe(AlertKinds.NewFlag);
            alert.MunicipalityCode.ShouldBe("GM0243");
            alert.SummaryNl.ShouldStartWith("Nieuwe markering: Stationslaan 14, 3841 AB Harderwijk");
        }
        // An Ermelo account gets no alert about a Harderwijk house (its organisation may not open the dossier).
        (await store.InboxAsync("ermelo", false, 10, ct)).ShouldBeEmpty();
        var evidence = JsonDocument.Parse((await store.InboxAsync("direct", false, 10, ct))[0].EvidenceJson).RootElement;
        evidence.GetArrayLength().ShouldBe(3);
        var captures = evidence.EnumerateArray().SelectMany(a => a.GetProperty("captures").EnumerateArray()).ToList();
        captures.ShouldContain(x => x.GetProperty("sha256").GetString() == LeadSeed.EvidenceShaOf("pc6:3841AB:14"));
        (await store.MarkReadAsync("direct", null, ct)).ShouldBe(1);
        (await store.UnreadCountAsync("direct", ct)).ShouldBe(0);
        (await store.UnreadCountAsync("alleen-inbox", ct)).ShouldBe(1);
        flagId.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Delivery_TwiceAtOnce_SendsEachAlertAndMailOnce()
    {
        // Two workers' analysis follow-ups (or a follow-up and the digest job) deliver at the same moment; a slow receiver
        // keeps the first delivery busy long enough that a second without a turn to wait for would send everything again.
        var ct = TestContext.Current.CancellationToken;
        await LeadSeed.LeadAsync(_harness.Database, ct: ct);
        await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:16", label: "Stationslaan 16, 3841 AB Harderwijk", ct: ct);
        (await _harness.Get<AlertScan>().ScanAsync(ct)).Count.ShouldBe(2);
        _hookDelay = TimeSpan.FromMilliseconds(400);
        var delivery = _harness.Get<AlertDelivery>();

        var results = await Task.WhenAll(delivery.DeliverAsync(ct), delivery.DeliverAsync(ct));

        _hooks.Select(h => h.Headers["webhook-id"].ToString()).Order(StringComparer.Ordinal)
            .ShouldBe(["msg_adwatch_alert_1", "msg_adwatch_alert_2"]);
        results.Sum(r => r.Webhooks).ShouldBe(2);
        _smtp.ReceivedEmailCount.ShouldBe(2); // one per alert to the user who wants them at once
        results.Sum(r => r.Emails).ShouldBe(2);
    }

    [Fact]
    public async Task Delivery_SendsAVerifiableWebhook_AndImmediateMail_ThenTheDigest_NamingNoAddressOrPhone()
    {
        var ct = TestContext.Current.CancellationToken;
        await LeadSeed.LeadAsync(_harness.Database, ct: ct);
        await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:16", label: "Stationslaan 16, 3841 AB Harderwijk", ct: ct);
        (await _harness.Get<AlertScan>().ScanAsync(ct)).Count.ShouldBe(2);
        var delivery = _harness.Get<AlertDelivery>();
        _failHooks = 1; // the receiver is down once: that alert is sent again with the next delivery

        var first = await delivery.DeliverAsync(ct);
        var second = await delivery.DeliverAsync(ct);

        first.Webhooks.ShouldBe(0);
        second.Webhooks.ShouldBe(2);
        _hooks.Count.ShouldBe(2);
        foreach (var (headers, body) in _hooks)
        {
            Should.NotThrow(() => new StandardWebhook(Secret).Verify(body, headers));
            using var json = JsonDocument.Parse(body);
            json.RootElement.GetProperty("type").GetString().ShouldBe("adwatch.alert");
            json.RootElement.GetProperty("data").GetProperty("evidence").GetArrayLength().ShouldBe(3);
        }
        // Immediate: one e-mail per alert to the user who wants them at once; the digest user has none yet.
        (first.Emails + second.Emails).ShouldBe(2);
        _smtp.ReceivedEmailCount.ShouldBe(2);
        _smtp.ReceivedEmail.ShouldAllBe(m => m.ToAddresses.Single().Address == "direct@gemeente.test");
        var immediate = _smtp.ReceivedEmail.ToList();
        foreach (var mail in immediate)
        {
            var text = mail.MessageParts[0].BodyData;
            text.ShouldContain("https://adwatch.gemeente.test/locations/");
            text.ShouldNotContain("Stationslaan");
            text.ShouldNotContain("+3161234500");
        }

        (await delivery.SendDigestAsync(ct)).ShouldBe(1);
        (await delivery.SendDigestAsync(ct)).ShouldBe(0);
        _smtp.ReceivedEmailCount.ShouldBe(3);
        var digest = _smtp.ReceivedEmail.Single(m => m.ToAddresses.Single().Address == "dagelijks@gemeente.test");
        (digest.Headers["Subject"] ?? "").ShouldContain("2 nieuwe meldingen");
    }

    [Fact]
    public async Task WatchedPhone_RaisesAnAlertForItsWatcherOnly_ForAdsFirstSeenAfterTheWatch()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = _harness.Get<AlertStore>();
        _harness.Time.Advance(TimeSpan.FromDays(-3650)); // the watch predates the seeded ads (LeadSeed dates them in the past)
        (await store.WatchAsync("alleen-inbox", "phone", "+31612345002", ct)).ShouldBeTrue();
        (await store.WatchAsync("alleen-inbox", "phone", "+31612345002", ct)).ShouldBeFalse();
        await LeadSeed.LeadAsync(_harness.Database, ct: ct);

        await _harness.Get<AlertScan>().ScanAsync(ct);

        var watch = (await store.InboxAsync("alleen-inbox", true, 10, ct)).Where(a => a.Kind == AlertKinds.Watch).ShouldHaveSingleItem();
        watch.SummaryNl.ShouldBe("Nieuwe advertentie met gevolgd nummer +31612345002.");
        watch.Reason.ShouldBe("watch");
        (await store.InboxAsync("direct", true, 10, ct)).ShouldNotContain(a => a.Kind == AlertKinds.Watch);
    }

    [Fact]
    public async Task WatchedAddress_RaisesAnAlertOnceAnAdNamesTheHouse_ForItsWatcherOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = _harness.Get<AlertStore>();
        const string house = "adr:GM0243:STATIONSLAAN:14A";
        _harness.Time.Advance(TimeSpan.FromDays(-3650)); // watched from a tip, before any ad named the house
        (await store.WatchAsync("alleen-inbox", "address", house, ct)).ShouldBeTrue();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => store.WatchAsync("alleen-inbox", "address", "Stationslaan 14a", ct));
        await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:16", label: "Stationslaan 16, 3841 AB Harderwijk", ct: ct); // a neighbour
        await _harness.Get<AlertScan>().ScanAsync(ct);
        (await store.InboxAsync("alleen-inbox", true, 10, ct)).ShouldNotContain(a => a.Kind == AlertKinds.Watch);

        await LeadSeed.LeadAsync(_harness.Database, key: house, ct: ct);
        await _harness.Get<AlertScan>().ScanAsync(ct);

        var alerts = (await store.InboxAsync("alleen-inbox", true, 10, ct)).Where(a => a.Kind == AlertKinds.Watch).ToList();
        alerts.Count.ShouldBe(3); // LeadSeed's three ads name the house
        alerts.ShouldAllBe(a => a.SummaryNl == "Nieuwe advertentie noemt gevolgd adres Stationslaan 14, 3841 AB Harderwijk." && a.Reason == "watch");
        (await store.InboxAsync("direct", true, 10, ct)).ShouldNotContain(a => a.Kind == AlertKinds.Watch);
        AlertStore.MunicipalityOfAddress(house).ShouldBe("GM0243");
        AlertStore.MunicipalityOfAddress("adr:3841AB:STATIONSLAAN:14A").ShouldBeNull();
    }

    [Fact]
    public async Task Relapse_ANewAdAtTheHouseDuringTheDwangsom_RaisesADatedAlertWithItsEvidencePack()
    {
        var ct = TestContext.Current.CancellationToken;
        var flagId = await LeadSeed.LeadAsync(_harness.Database, ct: ct); // ads there on 2026-03-02..03-06
        await using var c = await _harness.Database.OpenAsync(ct);
        var locationId = await c.ExecuteScalarAsync<long>("SELECT location_id FROM flags WHERE id = @flagId", new { flagId });
        var placeId = await c.ExecuteScalarAsync<long>("SELECT place_id FROM locations WHERE id = @locationId", new { locationId });
        await _harness.Get<AlertScan>().ScanAsync(ct); // the flag's own alert, before the measure
        var enforcement = _harness.Get<AdWatch.Enforcement.EnforcementStore>();
        var measure = await enforcement.RecordMeasureAsync(new AdWatch.Enforcement.NewMeasure(locationId, AdWatch.Enforcement.MeasureType.Dwangsom, 500_000,
            new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 10), null, AdWatch.Enforcement.MeasureState.Imposed, new DateOnly(2026, 3, 10), "last onder dwangsom"),
            "dagelijks", ct);
        measure.Id.ShouldNotBeNull();

        // During the dwangsom: a new ad naming the house; an ad elsewhere with a number the house's ads carried; and one long after it.
        var atHouse = await AdAsync(c, "new-at-house", new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), placeId, "+31699990001", evidence: true);
        var samePhone = await AdAsync(c, "same-phone", new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), null, "+31612345001", evidence: false);
        await AdAsync(c, "much-later", new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), placeId, "+31699990002", evidence: false);

        var raised = await _harness.Get<AlertScan>().ScanAsync(ct);
        (await _harness.Get<AlertScan>().ScanAsync(ct)).ShouldBeEmpty();

        raised.Count.ShouldBe(2);
        var relapses = (await _harness.Get<AlertStore>().InboxAsync("dagelijks", true, 10, ct)).Where(a => a.Kind == AlertKinds.Relapse).ToList();
        relapses.Count.ShouldBe(2); // the measure's author gets them (reason "measure"), as does every user of the municipality
        relapses.ShouldAllBe(a => a.Reason == "measure");
        var house = relapses.Single(a => a.SummaryNl.Contains("op 2026-03-30", StringComparison.Ordinal));
        house.SummaryNl.ShouldStartWith("Mogelijke herhaling: nieuwe advertentie op Stationslaan 14, 3841 AB Harderwijk op 2026-03-30, tijdens dwangsom");
        house.SummaryNl.ShouldContain("gekoppeld via address");
        var pack = JsonDocument.Parse(house.EvidenceJson).RootElement.EnumerateArray().ShouldHaveSingleItem();
        pack.GetProperty("adId").GetInt64().ShouldBe(atHouse);
        pack.GetProperty("captures").EnumerateArray().ShouldContain(x => x.GetProperty("sha256").GetString() == LeadSeed.EvidenceShaOf("new-at-house"));
        relapses.Single(a => a.SummaryNl.Contains("op 2026-04-01", StringComparison.Ordinal)).SummaryNl.ShouldContain("phone +31612345001");
        (await _harness.Get<AlertStore>().InboxAsync("direct", true, 10, ct)).Count(a => a.Kind == AlertKinds.Relapse).ShouldBe(2);
        samePhone.ShouldBeGreaterThan(0);
    }

    /// <summary>An ad first seen at <paramref name="at"/>, naming <paramref name="placeId"/> when given, with one phone and optionally a stored capture.</summary>
    private static async Task<long> AdAsync(System.Data.Common.DbConnection c, string key, DateTimeOffset at, long? placeId, string phone, bool evidence)
    {
        var siteId = await c.ExecuteScalarAsync<long>("SELECT id FROM sites WHERE name = 'demo'");
        var ms = at.ToUnixTimeMilliseconds();
        long? evidenceId = evidence
            ? await c.ExecuteScalarAsync<long>("""
                INSERT INTO evidence_blobs (sha256, url, captured_at, length, content) VALUES (@sha, @url, @ms, 3, @content) RETURNING id
                """, new { sha = LeadSeed.EvidenceShaOf(key), url = $"https://demo.test/ad/{key}", ms, content = new byte[] { 4, 5, 6 } })
            : null;
        var adId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ads (site_id, external_id, url, first_seen_at, last_seen_at) VALUES (@siteId, @key, @url, @ms, @ms) RETURNING id
            """, new { siteId, key, url = $"https://demo.test/ad/{key}", ms });
        var versionId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO ad_versions (ad_id, content_hash, title, first_seen_at, evidence_id) VALUES (@adId, 'h', 'Nieuw', @ms, @evidenceId) RETURNING id
            """, new { adId, ms, evidenceId });
        if (placeId is { } p)
        {
            await c.ExecuteAsync("INSERT INTO ad_places (version_id, place_id, raw) VALUES (@versionId, @p, 'Stationslaan 14a')", new { versionId, p });
        }
        var phoneId = await c.ExecuteScalarAsync<long>("""
            INSERT INTO phones (e164) VALUES (@phone) ON CONFLICT (e164) DO UPDATE SET e164 = excluded.e164 RETURNING id
            """, new { phone });
        await c.ExecuteAsync("INSERT INTO ad_phones (version_id, phone_id, raw, obfuscated) VALUES (@versionId, @phoneId, 'x', FALSE)", new { versionId, phoneId });
        return adId;
    }

    [Fact]
    public async Task Delivery_CountsSentAndFailedMessagesPerChannel_AsDelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        using var metrics = new MeterRecorder(_harness.Get<AdWatchTelemetry>().Meter);
        await LeadSeed.LeadAsync(_harness.Database, ct: ct);
        await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:16", label: "Stationslaan 16, 3841 AB Harderwijk", ct: ct);
        (await _harness.Get<AlertScan>().ScanAsync(ct)).Count.ShouldBe(2);
        var delivery = _harness.Get<AlertDelivery>();
        _failHooks = 1;

        var first = await delivery.DeliverAsync(ct);
        var second = await delivery.DeliverAsync(ct);
        var digests = await delivery.SendDigestAsync(ct);

        double Sum(string instrument, string channel) => metrics.Of(instrument).Where(m => m.Tags["channel"] == channel).Sum(m => m.Value);
        Sum("adwatch.alerts.sent", "webhook").ShouldBe(first.Webhooks + second.Webhooks);
        Sum("adwatch.alerts.sent", "webhook").ShouldBe(2);
        Sum("adwatch.alerts.sent", "email").ShouldBe(first.Emails + second.Emails + digests);
        Sum("adwatch.alerts.sent", "email").ShouldBe(_smtp.ReceivedEmailCount);
        Sum("adwatch.alerts.delivery_failures", "webhook").ShouldBe(1);
        Sum("adwatch.alerts.delivery_failures", "email").ShouldBe(0);
    }
}
