using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.Exports;
using AdWatch.Observability;
using AdWatch.Storage;
using Dapper;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using StandardWebhooks;

namespace AdWatch.Alerts;

/// <summary>
/// Sends raised alerts on: by e-mail (MailKit; at once for users who chose <c>immediate</c>, in the daily digest for
/// <c>digest</c>) and to the signed webhook of <c>Exports:Webhook</c> (Standard Webhooks, event <see cref="EventType"/>, the
/// message id fixed per alert so a receiver drops repeats). An e-mail names no address, phone or person: only the kind, the
/// municipality and a link to the dossier in the dashboard, where access is checked and audited. What could not be sent
/// stays unsent and goes with the next delivery.
/// </summary>
public sealed class AlertDelivery(Database database, IOptions<AlertOptions> options, IOptions<ExportsOptions> exports, IHttpClientFactory http,
    TimeProvider time, ILogger<AlertDelivery> logger, AdWatchTelemetry telemetry)
{
    public const string EventType = "adwatch.alert";
    public const string HttpClientName = "adwatch-alert-webhook";

    /// <summary>
    /// The advisory lock key of a delivery ("AdWatchD"): deliveries take turns in every process, because each sends what is
    /// not yet marked sent, and two at once (two workers' analysis follow-ups, a follow-up and the digest) would both send it.
    /// </summary>
    public const long LockKey = 0x4164_5761_7463_6844;

    public static string MessageId(long alertId) => "msg_adwatch_alert_" + alertId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Webhook for every alert not yet sent, then the e-mails of users who want them at once. Returns (webhooks, e-mails) sent.</summary>
    public async Task<(int Webhooks, int Emails)> DeliverAsync(CancellationToken ct)
    {
        await using var turn = await DatabaseLock.AcquireAsync(database, LockKey, ct);
        var hooks = await WebhooksAsync(ct);
        var mails = await EmailAsync("immediate", ct);
        return (hooks, mails);
    }

    /// <summary>One e-mail per user who chose the digest, listing every alert not yet e-mailed to them.</summary>
    public async Task<int> SendDigestAsync(CancellationToken ct)
    {
        await using var turn = await DatabaseLock.AcquireAsync(database, LockKey, ct);
        return await EmailAsync("digest", ct);
    }

    private async Task<int> WebhooksAsync(CancellationToken ct)
    {
        var hook = exports.Value.Webhook;
        if (!hook.Enabled)
        {
            return 0;
        }
        await using var c = await database.OpenAsync(ct);
        var pending = (await c.QueryAsync<AlertRow>(new CommandDefinition("""
            SELECT id AS Id, kind AS Kind, location_id AS LocationId, municipality_code AS MunicipalityCode, summary_nl AS SummaryNl,
                   summary_en AS SummaryEn, evidence_json AS EvidenceJson, raised_at AS RaisedAt
            FROM alerts WHERE webhook_sent_at IS NULL ORDER BY id
            """, cancellationToken: ct))).ToList();
        var sent = 0;
        var client = http.CreateClient(HttpClientName);
        foreach (var a in pending)
        {
            var now = time.GetUtcNow();
            var payload = JsonSerializer.Serialize(new
            {
                type = EventType,
                timestamp = now,
                data = new
                {
                    id = a.Id, kind = a.Kind, locationId = a.LocationId, municipalityCode = a.MunicipalityCode, summary = a.SummaryNl,
                    summaryEn = a.SummaryEn, raisedAt = a.RaisedAt, evidence = JsonDocument.Parse(a.EvidenceJson).RootElement,
                },
            }, AlertScan.JsonOptions);
            var id = MessageId(a.Id);
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhook(hook.Secret!).Sign(id, now, payload));
            try
            {
                using var response = await client.SendAsync(request, ct);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Alert webhook {Url} answered {Status} for alert {Alert}; it is sent again with the next delivery",
                        hook.Url, (int)response.StatusCode, a.Id);
                    telemetry.AlertDeliveryFailed("webhook");
                    break;
                }
            }
            catch (HttpRequestException e)
            {
                logger.LogWarning("Alert webhook {Url} unreachable ({Error}); alert {Alert} is sent again with the next delivery", hook.Url, e.Message, a.Id);
                telemetry.AlertDeliveryFailed("webhook");
                break;
            }
            await c.ExecuteAsync(new CommandDefinition("UPDATE alerts SET webhook_sent_at = @now WHERE id = @Id", new { now, a.Id }, cancellationToken: ct));
            sent++;
        }
        telemetry.AlertsSent("webhook", sent);
        return sent;
    }

    private async Task<int> EmailAsync(string delivery, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.EmailEnabled)
        {
            return 0;
        }
        await using var c = await database.OpenAsync(ct);
        var pending = (await c.QueryAsync<MailRow>(new CommandDefinition("""
            SELECT i.alert_id AS AlertId, i.user_name AS UserName, u.email AS Email, a.kind AS Kind, a.location_id AS LocationId,
                   a.municipality_code AS MunicipalityCode, a.raised_at AS RaisedAt
            FROM alert_inbox i JOIN users u ON u.name = i.user_name JOIN alerts a ON a.id = i.alert_id
            WHERE i.emailed_at IS NULL AND i.read_at IS NULL AND u.alert_delivery = @delivery AND u.email IS NOT NULL AND NOT u.disabled
            ORDER BY i.user_name, a.id
            """, new { delivery }, cancellationToken: ct))).ToList();
        if (pending.Count == 0)
        {
            return 0;
        }
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(o.SmtpHost!, o.SmtpPort, o.SmtpSecurity switch
            {
                "Tls" => SecureSocketOptions.SslOnConnect,
                "None" => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            }, ct);
            if (!string.IsNullOrEmpty(o.SmtpUserName))
            {
                await smtp.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", ct);
            }
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException)
        {
            logger.LogWarning("Alert e-mail: SMTP server {Host}:{Port} refused or unreachable ({Error}); {Count} alert(s) wait for the next delivery",
                o.SmtpHost, o.SmtpPort, e.Message, pending.Count);
            telemetry.AlertDeliveryFailed("email", delivery == "immediate" ? pending.Count : pending.Select(p => p.UserName).Distinct(StringComparer.Ordinal).Count());
            return 0;
        }
        var sent = 0;
        // Immediate: one e-mail per alert; digest: one per user.
        var batches = delivery == "immediate" ? pending.Select(p => (IReadOnlyList<MailRow>)[p]) : pending.GroupBy(p => p.UserName).Select(g => (IReadOnlyList<MailRow>)[.. g]);
        foreach (var batch in batches)
        {
            var message = Message(o, batch);
            try
            {
                await smtp.SendAsync(message, ct);
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                logger.LogWarning("Alert e-mail to {User} not sent ({Error}); it waits for the next delivery", batch[0].UserName, e.Message);
                telemetry.AlertDeliveryFailed("email");
                continue;
            }
            await c.ExecuteAsync(new CommandDefinition("UPDATE alert_inbox SET emailed_at = @now WHERE alert_id = @AlertId AND user_name = @UserName",
                batch.Select(b => new { now = time.GetUtcNow(), b.AlertId, b.UserName }), cancellationToken: ct));
            sent++;
        }
        await smtp.DisconnectAsync(true, ct);
        telemetry.AlertsSent("email", sent);
        return sent;
    }

    /// <summary>The e-mail: kinds, municipalities and dossier links only (the dashboard shows the rest to whoever may see it).</summary>
    internal static MimeMessage Message(AlertOptions o, IReadOnlyList<MailRow> batch)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(batch[0].Email));
        message.Subject = batch.Count == 1
            ? $"AdWatch: {Title(batch[0].Kind)} ({batch[0].MunicipalityCode ?? "regio"})"
            : $"AdWatch: {batch.Count} nieuwe meldingen";
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"Hallo {batch[0].UserName},").AppendLine();
        foreach (var b in batch)
        {
            var link = b.LocationId is { } id ? $"{o.DashboardUrl.TrimEnd('/')}/locations/{id}" : $"{o.DashboardUrl.TrimEnd('/')}/inbox";
            body.AppendLine(CultureInfo.InvariantCulture, $"- {Title(b.Kind)}, {b.MunicipalityCode ?? "regio"}, {b.RaisedAt:yyyy-MM-dd HH:mm} UTC: {link}");
        }
        body.AppendLine().AppendLine("Deze e-mail noemt geen adres, nummer of persoon; open de link om de melding in AdWatch te bekijken.")
            .AppendLine("Meldingen zijn aanwijzingen voor menselijke beoordeling, geen vaststelling.")
            .AppendLine().AppendLine("This e-mail names no address, number or person; open the link to see the alert in AdWatch.");
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    private static string Title(string kind) => kind switch
    {
        AlertKinds.NewFlag => "nieuwe markering",
        AlertKinds.NewActivity => "nieuwe activiteit",
        _ => "activiteit op wat u volgt",
    };

    private sealed record AlertRow
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public long? LocationId { get; init; }
        public string? MunicipalityCode { get; init; }
        public string SummaryNl { get; init; } = "";
        public string SummaryEn { get; init; } = "";
        public string EvidenceJson { get; init; } = "[]";
        public DateTimeOffset RaisedAt { get; init; }
    }

    internal sealed record MailRow
    {
        public long AlertId { get; init; }
        public string UserName { get; init; } = "";
        public string Email { get; init; } = "";
        public string Kind { get; init; } = "";
        public long? LocationId { get; init; }
        public string? MunicipalityCode { get; init; }
        public DateTimeOffset RaisedAt { get; init; }
    }
}
