namespace AdWatch.Crawling;

/// <summary>
/// Progress of a run for the CLI: requests finished by this worker, requests still open in the run (grows as listing
/// pages add ads), and the last URL with its outcome (<c>new</c>, <c>unchanged</c>, an error kind, …).
/// </summary>
public sealed record CrawlProgress(long RunId, long Done, long Open, string LastUrl, string LastOutcome);
