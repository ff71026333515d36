using AdWatch.Analysis;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Phones;

/// <summary>
/// <c>/phones/{e164}/mark</c>: an analyst marks a number generic (a site's service number), a bad extraction, or ok again.
/// The analysis re-runs at once (<see cref="AnalysisRunner.SetPhoneStatusAsync"/>); the change is audited.
/// </summary>
public sealed class MarkModel(PhoneLookup lookup, AnalysisRunner runner, AuditLog audit) : PageModel
{
    public static readonly IReadOnlyList<string> Statuses = ["generic", "bad", "ok"];

    public PhoneLookupResult Phone { get; private set; } = null!;
    public bool Done { get; private set; }
    public int? FlaggedAfter { get; private set; }

    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(string e164, CancellationToken ct) => await LoadAsync(e164, ct) ? Page() : NotFound();

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
        var run = await runner.SetPhoneStatusAsync(Phone.E164!, Status, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), user, ct);
        await audit.WriteAsync(user, "change", "phone", Phone.E164, $"status {Status}; analysis re-run {run?.Mode ?? "-"}", ct);
        Done = true;
        FlaggedAfter = run?.Report.Locations.Count;
        await LoadAsync(e164, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string e164, CancellationToken ct)
    {
        Phone = await lookup.LookupAsync(e164, ct);
        return Phone.Known;
    }
}
