namespace AdWatch.Web.Pages.Crawlers;

/// <summary>
/// Failed requests of recent runs with one error kind: how many, in how many runs, the latest message and URL, and the
/// stored snapshots (error pages kept as evidence; hostile content: show as sanitised text only).
/// </summary>
public sealed record ErrorGroup(
    string ErrorKind,
    int Count,
    int Runs,
    DateTimeOffset? LastAt,
    string? LastMessage,
    string? LastUrl,
    IReadOnlyList<ErrorSnapshotView> Snapshots);
