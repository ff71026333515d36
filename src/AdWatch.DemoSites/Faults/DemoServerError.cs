namespace AdWatch.DemoSites.Faults;

/// <summary>Server-error fault: HTTP <paramref name="StatusCode"/> with a small HTML error page.</summary>
/// <param name="FirstRequests">Fail only the first N requests per URL (path + query); null fails every request.</param>
/// <param name="StatusCode">Status to answer; default 500.</param>
public sealed record DemoServerError(int? FirstRequests = null, int StatusCode = 500);
