namespace AdWatch.Sites;

/// <summary>robots.txt handling. Turning it off needs a written reason.</summary>
public sealed class RobotsRule
{
    public bool Obey { get; set; } = true;

    /// <summary>Required when <see cref="Obey"/> is false: why this site may be crawled against its robots.txt.</summary>
    public string? Reason { get; set; }
}
