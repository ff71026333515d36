namespace AdWatch.Exports.Webhooks;

/// <summary>A receiver of signed lead webhooks (Standard Webhooks). Section <c>Exports:Webhook</c>. Empty <see cref="Url"/>: off.</summary>
public sealed class WebhookOptions
{
    /// <summary>Where leads are POSTed, e.g. <c>https://signalen.gemeente.example/hooks/adwatch</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The signing secret, <c>whsec_</c> followed by base64 (24 to 64 random bytes). Keep it out of the repository.</summary>
    public string? Secret { get; set; }

    /// <summary>Time-out of one delivery attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one delivery on transient errors (receivers drop repeats by <c>webhook-id</c>).</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Base delay between those retries (exponential with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>Problems, each naming its setting; empty when valid or disabled.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"Exports:Webhook:Url must be an absolute http(s) URL (got '{Url}').";
        }
        if (Secret is null || !Secret.StartsWith("whsec_", StringComparison.Ordinal) || !IsBase64(Secret["whsec_".Length..]))
        {
            yield return "Exports:Webhook:Secret must be 'whsec_' followed by base64 of at least 24 bytes.";
        }
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return "Exports:Webhook:AttemptTimeout must be positive.";
        }
        if (Retries is < 1 or > 10)
        {
            yield return "Exports:Webhook:Retries must be between 1 and 10.";
        }
        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            yield return "Exports:Webhook:RetryDelay must be between 0 and 1 minute.";
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 24;
    }
}
