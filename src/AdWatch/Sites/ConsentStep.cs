namespace AdWatch.Sites;

/// <summary>
/// A consent or age modal that may or may not appear (<c>fetch.consent</c>): on every browser page the steps are tried in
/// order; each waits up to <see cref="AppearMs"/> for a visible button (by <see cref="ElementTarget.Selector"/> or
/// <see cref="ElementTarget.Text"/>) and clicks it if it appears, else goes on. Never fails a page.
/// </summary>
public sealed class ConsentStep
{
    public string? Selector { get; set; }

    /// <summary>Regex on button/link text, case-insensitive (<c>ik ben 18|enter</c>).</summary>
    public string? Text { get; set; }

    /// <summary>How long the modal gets to appear; 0 checks once, at once.</summary>
    public int AppearMs { get; set; } = 1500;

    public string Describe() => Selector is not null ? $"selector '{Selector}'" : $"text /{Text}/";
}
