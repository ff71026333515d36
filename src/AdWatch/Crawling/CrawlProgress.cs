namespace AdWatch.Crawling;

/// <summary>Progress of a run for the CLI: requests finished and still open, and the last URL handled.</summary>
public sealed record CrawlProgress(long RunId, long Done, long Open, string LastUrl, string LastOutcome);
