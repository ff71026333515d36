namespace AdWatch.Sites;

/// <summary>Matches when the CSS selector finds an element, or the regex matches the page's visible text.</summary>
public sealed class Detector
{
    public string? Selector { get; set; }
    public string? Regex { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(Regex);
}
