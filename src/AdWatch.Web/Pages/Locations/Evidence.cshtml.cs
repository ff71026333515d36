using System.Globalization;
using AdWatch.Evidence;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Web.Security;
using AdWatch.Web.Display;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// <c>/locations/{id}/evidence/{evidenceId}</c>: a stored ad page as sanitised text with its SHA-256 and capture time
/// (audited). The stored HTML itself is never served as a page. The location must exist, hold the capture in its dossier,
/// and both must lie in the user's organisation (<see cref="LocationAccess"/>); otherwise 404 (audited as refused when
/// outside the organisation).
/// </summary>
public sealed class EvidenceModel(EvidenceStore store, AuditLog audit, LocationAccess access, DossierQuery dossiers, UserScope scope) : PageModel
{
    public long LocationId { get; private set; }
    public EvidenceBlob Blob { get; private set; } = null!;
    public string Text { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, long evidenceId, CancellationToken ct)
    {
        var userScope = scope.Of(User);
        if (await access.LocationAsync(id, userScope, ct) == AccessVerdict.Refused || await access.EvidenceAsync(evidenceId, userScope, ct) == AccessVerdict.Refused)
        {
            await scope.RefusedAsync(User, "evidence", evidenceId, $"location {id.ToString(CultureInfo.InvariantCulture)}", ct);
            return NotFound();
        }
        var dossier = await dossiers.GetAsync(id, ct);
        var blob = dossier is not null && dossier.Ads.SelectMany(a => a.Captures).Any(c => c.EvidenceId == evidenceId)
            ? await store.GetAsync(evidenceId, ct)
            : null;
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
