using AdWatch.Alerts;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Inbox;

/// <summary>
/// <c>/inbox</c>: the signed-in user's alerts (new flags, new activity, activity on what they watch), newest first, and what
/// they watch. Marking read and (un)watching are POSTs (antiforgery); every watch change is audited.
/// </summary>
public sealed class IndexModel(AlertStore alerts, AuditLog audit, AdWatch.Review.LocationAccess access, AdWatch.Web.Security.UserScope scope) : PageModel
{
    public IReadOnlyList<InboxAlert> Alerts { get; private set; } = [];

    public int Unread { get; private set; }

    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    private string UserName => HttpContext.User.Identity?.Name ?? "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        Alerts = await alerts.InboxAsync(UserName, unreadOnly: !All, 200, ct);
        Unread = await alerts.UnreadCountAsync(UserName, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        await alerts.MarkReadAsync(UserName, id, ct);
        return RedirectToPage(new { all = All });
    }

    /// <summary>Starts or stops watching a location, a phone or an address, then returns to the page it came from (a local path only).</summary>
    public async Task<IActionResult> OnPostWatchAsync(string kind, string target, bool stop, string? back, CancellationToken ct)
    {
        if (!AlertStore.WatchKinds.Contains(kind) || string.IsNullOrWhiteSpace(target) || target.Length > (kind == "address" ? 200 : 64))
        {
            return BadRequest();
        }
        // An address outside the user's organisation cannot be watched either (its key names its municipality).
        if (kind == "address" && !stop && !scope.Of(HttpContext.User).Allows(AlertStore.MunicipalityOfAddress(target)))
        {
            await scope.RefusedAsync(HttpContext.User, "address", target, "watch", ct);
            return NotFound();
        }
        // A location outside the user's organisation cannot be watched: it answers as if it did not exist, and is audited.
        if (kind == "location" && !stop && (!long.TryParse(target, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || await access.LocationAsync(id, scope.Of(HttpContext.User), ct) != AdWatch.Review.AccessVerdict.Allowed))
        {
            await scope.RefusedAsync(HttpContext.User, "location", target, "watch", ct);
            return NotFound();
        }
        var changed = stop ? await alerts.UnwatchAsync(UserName, kind, target, ct) : await alerts.WatchAsync(UserName, kind, target, ct);
        if (changed)
        {
            await audit.WriteAsync(UserName, stop ? "unwatch" : "watch", kind, target, null, ct);
        }
        return back is { Length: > 0 } && Url.IsLocalUrl(back) ? LocalRedirect(back) : RedirectToPage();
    }
}
