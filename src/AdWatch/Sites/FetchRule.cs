namespace AdWatch.Sites;

/// <summary>Fetch mode and browser behaviour.</summary>
public sealed class FetchRule
{
    public FetchMode Mode { get; set; } = FetchMode.Http;

    /// <summary>Browser mode: CSS selector to wait for before the page is read.</summary>
    public string? WaitForSelector { get; set; }

    /// <summary>Browser mode: selector of an age-gate or consent button to click when present.</summary>
    public string? AgeGateClick { get; set; }

    /// <summary>Browser mode: consent and age modals that may appear on any page; see <see cref="ConsentStep"/>.</summary>
    public List<ConsentStep> Consent { get; set; } = [];

    /// <summary>Browser mode: XHR/fetch responses to keep with the page; see <see cref="CaptureRule"/>.</summary>
    public List<CaptureRule> Capture { get; set; } = [];

    /// <summary>User-Agent header; a default naming AdWatch is used when empty.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// HTTP mode: extra request headers sent with every request to the site (e.g. <c>X-Requested-With: XMLHttpRequest</c> for a
    /// JSON endpoint, <c>Accept-Language: nl</c>). Headers the fetcher owns (Host, Cookie, User-Agent, conditional and
    /// transfer headers) cannot be set here.
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>
    /// HTTP mode: cookies sent with every request to the site, such as the terms or age cookie its "Akkoord" button would set
    /// (<c>voorwaarden: akkoord</c>). Only for the site's own hosts, never across a redirect to another host.
    /// </summary>
    public Dictionary<string, string> Cookies { get; set; } = [];

    /// <summary>
    /// HTTP mode: keep the cookies the site sets (a session, a cookie check) and send them back, per site, for the life of the
    /// process. Off by default: most sites need none, and a crawler that carries no session is easier to reason about.
    /// </summary>
    public bool KeepCookies { get; set; }
}
