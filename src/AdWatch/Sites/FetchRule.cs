namespace AdWatch.Sites;

/// <summary>Fetch mode and browser behaviour.</summary>
public sealed class FetchRule
{
    public FetchMode Mode { get; set; } = FetchMode.Http;

    /// <summary>Browser mode: CSS selector to wait for before the page is read.</summary>
    public string? WaitForSelector { get; set; }

    /// <summary>Browser mode: selector of an age-gate or consent button to click when present.</summary>
    public string? AgeGateClick { get; set; }

    /// <summary>User-Agent header; a default naming AdWatch is used when empty.</summary>
    public string? UserAgent { get; set; }
}
