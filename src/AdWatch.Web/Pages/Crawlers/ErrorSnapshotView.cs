namespace AdWatch.Web.Pages.Crawlers;

/// <summary>A stored error snapshot of a run: the URL, the message and the evidence blob holding the page, if any.</summary>
public sealed record ErrorSnapshotView(long RunId, string Url, string? Message, long? EvidenceId, string? EvidenceSha256, DateTimeOffset CapturedAt);
