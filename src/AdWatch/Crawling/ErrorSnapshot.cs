namespace AdWatch.Crawling;

/// <summary>The first failing page of one error kind in a run.</summary>
public sealed class ErrorSnapshot
{
    public string ErrorKind { get; init; } = "";
    public string Url { get; init; } = "";
    public long? EvidenceId { get; init; }
    public string? Message { get; init; }
    public DateTimeOffset CapturedAt { get; init; }
}
