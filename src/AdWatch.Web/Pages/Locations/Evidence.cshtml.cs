using System.Globalization;
using AdWatch.Evidence;
using AdWatch.Privacy;
using AdWatch.Web.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// <c>/locations/{id}/evidence/{evidenceId}</c>: a stored ad page as sanitised text with its SHA-256 and capture time
/// (audited). The stored HTML itself is never served as a page.
/// </summary>
public sealed class EvidenceModel(EvidenceStore store, AuditLog audit) : PageModel
{
    public long LocationId { get; private set; }
    public EvidenceBlob Blob { get; private set; } = null!;
    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, long evidenceId, CancellationToken ct)
    {
        var blob = await store.GetAsync(evidenceId, ct);
        if (blob is null)
        {
            return NotFound();
        }
        LocationId = id;
        Blob = blob;
        Text = EvidenceText.FromBlob(blob);
        await audit.WriteAsync(User.Identity!.Name!, "view", "evidence", evidenceId.ToString(CultureInfo.InvariantCulture),
            $"location {id.ToString(CultureInfo.InvariantCulture)}", ct);
        return Page();
    }
}
