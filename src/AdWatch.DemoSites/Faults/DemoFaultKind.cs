namespace AdWatch.DemoSites.Faults;

/// <summary>The fault that decided a response, as recorded in the request log.</summary>
public enum DemoFaultKind
{
    /// <summary>Normal response (possibly delayed or with renamed classes).</summary>
    None,
    /// <summary>302 to another host.</summary>
    OffSiteRedirect,
    /// <summary>302 in a cycle.</summary>
    RedirectLoop,
    /// <summary>429/503 with Retry-After.</summary>
    Throttle,
    /// <summary>500 (or the configured error status).</summary>
    ServerError,
    /// <summary>200 CAPTCHA page.</summary>
    Captcha,
    /// <summary>gzip bomb.</summary>
    GzipBomb,
    /// <summary>Body shorter than Content-Length, then connection aborted.</summary>
    TruncatedBody,
    /// <summary>302 to the terms page (no terms cookie or header), a cookie-check 302 or a 403 for an unknown session.</summary>
    TermsGate,
}
