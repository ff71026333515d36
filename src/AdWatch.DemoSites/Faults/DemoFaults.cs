namespace AdWatch.DemoSites.Faults;

/// <summary>
/// Fault modes of one demo site. Immutable: switch modes at runtime by assigning a new value to
/// <see cref="Hosting.DemoSite.Faults"/> (which also resets the per-URL "first N requests" counters).
/// Modes combine; when several decide the response, the first in this order wins: off-site redirect, redirect loop,
/// terms gate, throttle (429/503), server error (500), CAPTCHA, gzip bomb, truncated body. <see cref="ResponseDelay"/> applies first
/// to every affected request, <see cref="RenamedClasses"/> changes the markup of normal pages.
/// </summary>
public sealed record DemoFaults
{
    /// <summary>No faults: the site behaves normally.</summary>
    public static DemoFaults None { get; } = new();

    /// <summary>
    /// Path prefix the faults apply to, e.g. "/advertentie/" or "/api/". Null (default) means every path except
    /// "/robots.txt"; use "/" to include robots.txt as well.
    /// </summary>
    public string? PathPrefix { get; init; }

    /// <summary>Delay before each affected response (slow site). Zero (default) means none.</summary>
    public TimeSpan ResponseDelay { get; init; }

    /// <summary>Answer with HTTP 500 (always or the first N requests per URL). Null (default): off.</summary>
    public DemoServerError? ServerError { get; init; }

    /// <summary>Answer with 429 or 503 and a Retry-After header (always or the first N per URL). Null (default): off.</summary>
    public DemoThrottle? Throttle { get; init; }

    /// <summary>Declare a Content-Length larger than the body, send part of it, then abort the connection.</summary>
    public bool TruncatedBody { get; init; }

    /// <summary>Answer with Content-Encoding: gzip whose body inflates to <see cref="GzipBombBytes"/> zero bytes.</summary>
    public bool GzipBomb { get; init; }

    /// <summary>Decompressed size of the gzip bomb; default 1 GiB. Compressed on the fly, never held in memory.</summary>
    public long GzipBombBytes { get; init; } = 1L << 30;

    /// <summary>Answer 302 in a cycle: URL → URL with lus=1 → URL without query → … (never ends).</summary>
    public bool RedirectLoop { get; init; }

    /// <summary>Answer 302 with a Location on another host (<see cref="OffSiteTarget"/> + the path).</summary>
    public bool OffSiteRedirect { get; init; }

    /// <summary>Target of <see cref="OffSiteRedirect"/>; default http://203.0.113.7/ (TEST-NET-3, never routed). Nothing connects to it.</summary>
    public Uri OffSiteTarget { get; init; } = new("http://203.0.113.7/");

    /// <summary>Answer with a CAPTCHA / "are you a robot" page with status 200 (see README for its markers).</summary>
    public bool Captcha { get; init; }

    /// <summary>Pages only behind a terms cookie, a header and a session cookie (see <see cref="DemoTermsGate"/>). Null (default): off.</summary>
    public DemoTermsGate? TermsGate { get; init; }

    /// <summary>Render the same content with different CSS class names and element structure (a site redesign).</summary>
    public bool RenamedClasses { get; init; }

    /// <summary>
    /// Lantaarn only: force its consent modals on (<see cref="DemoConsentModals.Always"/>) or off, instead of the default per-session
    /// choice. A modal once dismissed stays away (its cookie) whatever this says.
    /// </summary>
    public DemoConsentModals ConsentModals { get; init; }

    /// <summary>True when these faults apply to <paramref name="path"/>.</summary>
    public bool AppliesTo(string path) => PathPrefix is null
        ? !string.Equals(path, "/robots.txt", StringComparison.Ordinal)
        : path.StartsWith(PathPrefix, StringComparison.Ordinal);
}
