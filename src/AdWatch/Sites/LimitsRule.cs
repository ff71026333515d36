namespace AdWatch.Sites;

/// <summary>Hard limits per request.</summary>
public sealed class LimitsRule
{
    /// <summary>Per-attempt timeout in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Largest accepted body, after decompression.</summary>
    public long MaxBodyBytes { get; set; } = 5_000_000;

    public int MaxRedirects { get; set; } = 5;
}
