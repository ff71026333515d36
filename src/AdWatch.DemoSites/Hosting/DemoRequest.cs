using AdWatch.DemoSites.Faults;

namespace AdWatch.DemoSites.Hosting;

/// <summary>One request as seen by a demo site, logged after the response was produced.</summary>
/// <param name="At">When the request arrived (host TimeProvider).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. "/advertentie/ad-000001".</param>
/// <param name="Query">Query string including '?', or "".</param>
/// <param name="Kind">Classification of the path.</param>
/// <param name="StatusCode">Status sent (200 for aborted truncated bodies).</param>
/// <param name="Fault">The fault that decided the response.</param>
/// <param name="Headers">Selected request headers (User-Agent, If-None-Match, If-Modified-Since, Cookie, Accept-Encoding) when present.</param>
public sealed record DemoRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string Query,
    DemoRequestKind Kind,
    int StatusCode,
    DemoFaultKind Fault,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>Path plus query, e.g. "/advertenties?pagina=2".</summary>
    public string PathAndQuery => Path + Query;
}
