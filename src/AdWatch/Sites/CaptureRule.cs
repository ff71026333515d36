namespace AdWatch.Sites;

/// <summary>
/// Browser mode (<c>fetch.capture</c>): XHR/fetch responses whose URL matches <see cref="UrlPattern"/> are kept with the
/// page they came from (appended to its stored HTML) and readable as <c>capture:NAME</c>. Only responses from the site's
/// allowed hosts exist: the route filter aborts every other request.
/// </summary>
public sealed class CaptureRule
{
    public string Name { get; set; } = "";

    /// <summary>Regex on the response's absolute URL.</summary>
    public string UrlPattern { get; set; } = "";
}
