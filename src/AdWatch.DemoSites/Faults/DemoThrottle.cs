namespace AdWatch.DemoSites.Faults;

/// <summary>Throttling fault: 429 Too Many Requests (or 503) with a Retry-After header.</summary>
/// <param name="RetryAfter">Value of Retry-After; sent as whole seconds (rounded up) or as an HTTP-date.</param>
/// <param name="StatusCode">429 (default) or 503.</param>
/// <param name="AsHttpDate">Send Retry-After as an HTTP-date (now + <paramref name="RetryAfter"/>, from the host's TimeProvider) instead of seconds.</param>
/// <param name="FirstRequests">Throttle only the first N requests per URL (path + query); null throttles every request.</param>
public sealed record DemoThrottle(TimeSpan RetryAfter, int StatusCode = 429, bool AsHttpDate = false, int? FirstRequests = null);
