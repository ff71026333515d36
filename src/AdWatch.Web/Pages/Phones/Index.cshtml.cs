using AdWatch.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Phones;

/// <summary><c>/phones?q=…</c>: phone lookup, any spelling of a number; every lookup is audited.</summary>
public sealed class IndexModel(PhoneLookup lookup, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public PhoneLookupResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        Q = Q.Length > 200 ? Q[..200] : Q;
        Result = await lookup.LookupAsync(Q, ct);
        await audit.WriteAsync(User.Identity!.Name!, "lookup", "phone", Result.E164 ?? Q, Result.Known ? $"{Result.Ads.Count} ads" : "not found", ct);
    }
}
