using AdWatch.Analysis;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Phones;

/// <summary>
/// <c>/phones/{e164}/mark</c>: an analyst marks a number generic (a site's service number), a bad extraction, or ok again.
/// The status is stored and the analysis job enqueued (<see cref="PhoneMarking"/>), so it re-runs shortly in the background;
/// the change is audited. Only a number the user's organisation has seen in its own ads can be marked.
/// </summary>
public sealed class MarkModel(PhoneLookup lookup, PhoneMarking marking, AuditLog audit, UserScope scope) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses = ["generic", "bad", "ok"];

    public PhoneLookupResult Phone { get; private set; } = null!;
    public bool Done { get; private set; }

    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string e164, CancellationToken ct)
    {
        if (!await LoadAsync(e164, ct))
        {
            return NotFound();
        }
        await audit.WriteAsync(User.Identity!.Name!, "view", "phone", Phone.E164, "mark form", ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string e164, CancellationToken ct)
    {
        if (!await LoadAsync(e164, ct))
        {
            return NotFound();
        }
        if (Status is null || !Statuses.Contains(Status) || Note?.Length > 1000)
        {
            ModelState.AddModelError(nameof(Status), "status");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var user = User.Identity!.Name!;
        var marked = await marking.MarkAsync(Phone.E164!, Status, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), user, ct);
        await audit.WriteAsync(user, "change", "phone", Phone.E164, $"status {Status}; analysis {(marked ? "enqueued" : "-")}", ct);
        Done = true;
        await LoadAsync(e164, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string e164, CancellationToken ct)
    {
        Phone = await lookup.LookupAsync(e164, scope.Of(User), ct);
        return Phone.Known;
    }
}
