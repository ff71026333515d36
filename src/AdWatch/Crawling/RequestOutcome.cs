namespace AdWatch.Crawling;

/// <summary>How a request ended, written to <c>crawl_requests</c> so stats are a query and survive a crash.</summary>
public sealed record RequestOutcome(
    string Status,
    int? HttpStatus,
    long Bytes,
    int Retries,
    string? Outcome,
    string? ErrorKind,
    string? ErrorMessage,
    DateTimeOffset FetchedAt);
