using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace AdWatch.Exports.Webhooks;

/// <summary>
/// POSTs a lead as a Standard Webhooks message: <c>webhook-id</c> is derived from the export id, so every retry of one
/// export carries the same id and the receiver can drop duplicates; <c>webhook-timestamp</c> and the signature are made
/// per attempt (receivers refuse stale timestamps).
/// </summary>
public sealed class WebhookExporter(HttpClient http, IOptions<ExportsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "adwatch-webhook";
    public const string EventType = "adwatch.lead.export";

    public static string MessageId(long exportId) => "msg_adwatch_export_" + exportId.ToString(CultureInfo.InvariantCulture);

    public async Task SendAsync(ExportRow export, Lead lead, CancellationToken ct)
    {
        var hook = options.Value.Webhook;
        var now = time.GetUtcNow();
        var payload = JsonSerializer.Serialize(new WebhookPayload(EventType, now, lead), LeadJson.Options);
        var id = MessageId(export.Id);
        var signature = new StandardWebhook(hook.Secret!).Sign(id, now, payload);

        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"Webhook {hook.Url} answered {(int)response.StatusCode} {response.StatusCode}: {body[..Math.Min(body.Length, 500)]}",
                null, response.StatusCode);
        }
    }
}
