using System.Globalization;
using AdWatch.Evidence;
using AdWatch.Privacy;
using AdWatch.Web.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Crawlers;

/// <summary>
/// <c>/crawlers/{id}</c>: one site's last 30 runs and its grouped errors with snapshots as sanitised text (ad pages: the
/// view is audited).
/// </summary>
public sealed class SiteModel(CrawlerHealthQuery query, EvidenceStore evidence, AuditLog audit) : PageModel
{
    public const int MaxSnapshots = 10;

    public SiteHealth Site { get; private set; } = null!;

    /// <summary>Sanitised text of each shown snapshot's stored page, by evidence id.</summary>
    public Dictionary<long, string> SnapshotText { get; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var site = await query.GetAsync(id, 30, ct);
        if (site is null)
        {
            return NotFound();
        }
        Site = site;
        foreach (var snapshot in site.Errors.SelectMany(e => e.Snapshots.Take(3)).Where(s => s.EvidenceId is not null).Take(MaxSnapshots))
        {
            if (await evidence.GetAsync(snapshot.EvidenceId!.Value, ct) is { } blob)
            {
                var text = EvidenceText.FromBlob(blob);
                SnapshotText[blob.Id] = text.Length > 2000 ? text[..2000] + " …" : text;
            }
        }
        await audit.WriteAsync(User.Identity!.Name!, "view", "crawler", id.ToString(CultureInfo.InvariantCulture),
            $"{SnapshotText.Count.ToString(CultureInfo.InvariantCulture)} snapshots", ct);
        return Page();
    }
}
