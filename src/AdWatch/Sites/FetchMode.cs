namespace AdWatch.Sites;

/// <summary>How a site's pages are fetched.</summary>
public enum FetchMode
{
    /// <summary>Plain HTTP through <c>HttpFetcher</c>.</summary>
    Http,

    /// <summary>Headless Chromium through <c>BrowserFetcher</c>, for JavaScript sites.</summary>
    Browser,

    /// <summary>Never fetched: only archived captures are imported.</summary>
    Import,
}
