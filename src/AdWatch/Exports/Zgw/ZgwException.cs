using System.Net;

namespace AdWatch.Exports.Zgw;

/// <summary>A ZGW API answered with an error. The export job records <see cref="Exception.Message"/> and retries later.</summary>
public sealed class ZgwException(string message, HttpStatusCode? status = null, string? body = null) : Exception(message)
{
    public HttpStatusCode? Status { get; } = status;

    /// <summary>The response body (problem+json), cut to 2,000 characters.</summary>
    public string? Body { get; } = body;
}
