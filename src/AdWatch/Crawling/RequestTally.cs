namespace AdWatch.Crawling;

/// <summary>One group of requests of a run with equal kind, status, HTTP status, outcome and error kind.</summary>
public sealed class RequestTally
{
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public long? HttpStatus { get; init; }
    public string? Outcome { get; init; }
    public string? ErrorKind { get; init; }
    public long Count { get; init; }
    public long Retries { get; init; }
    public long Bytes { get; init; }
}
