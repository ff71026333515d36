namespace AdWatch.Crawling;

/// <summary>The body exceeded the site's byte limit. Not retryable.</summary>
internal sealed class BodyTooLargeException(long limit) : Exception($"Body larger than {limit} bytes.");
