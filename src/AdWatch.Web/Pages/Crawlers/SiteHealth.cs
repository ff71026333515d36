namespace AdWatch.Web.Pages.Crawlers;

/// <summary>
/// One site's crawler health: its recent runs (newest first), how many ended in each status, the health-gate warnings
/// (runs marked suspect, with the gate's note) and the errors of those runs grouped by kind.
/// </summary>
public sealed record SiteHealth(
    long SiteId,
    string Name,
    string? BaseUrl,
    string FetchMode,
    bool ImportOnly,
    IReadOnlyList<SiteRun> Runs,
    IReadOnlyDictionary<string, int> RunsByStatus,
    IReadOnlyList<SiteRun> Warnings,
    IReadOnlyList<ErrorGroup> Errors)
{
    /// <summary>The newest run, or null when the site was never crawled.</summary>
    public SiteRun? LastRun => Runs.Count > 0 ? Runs[0] : null;
}
