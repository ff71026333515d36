namespace AdWatch.Crawling;

/// <summary>What a fetch produced. <see cref="Error"/> is null on success (any HTTP status, including 304 and 404).</summary>
public sealed record FetchResult
{
    public required Uri Url { get; init; }

    /// <summary>The URL after redirects.</summary>
    public Uri? FinalUrl { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>Decoded (decompressed) body bytes.</summary>
    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Retries after network errors, 408 and 5xx.</summary>
    public int Retries { get; init; }

    /// <summary>429/503 Retry-After waits sat through (not retries).</summary>
    public int BackpressureWaits { get; init; }

    public FetchError? Error { get; init; }

    /// <summary>304: the stored copy is still current.</summary>
    public bool NotModified => StatusCode == 304;

    public bool IsSuccess => Error is null && StatusCode is >= 200 and < 300;

    public static FetchResult Failed(Uri url, string kind, string message, int? status = null, int retries = 0, byte[]? body = null) =>
        Failed(url, new FetchError(kind, message), status, retries, body);

    public static FetchResult Failed(Uri url, FetchError error, int? status = null, int retries = 0, byte[]? body = null) =>
        new() { Url = url, StatusCode = status, Error = error, Retries = retries, Body = body ?? [] };
}
