using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Phones;

/// <summary>
/// <c>/phones?q=…</c>: phone lookup, any spelling of a number; every lookup is audited. Ads and places only within the
/// user's organisation; elsewhere in the region only "also seen elsewhere: yes/no".
/// </summary>
public sealed class IndexModel(PhoneLookup lookup, AuditLog audit, UserScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public PhoneLookupResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = Q?.Replace("\0", "", StringComparison.Ordinal); // PostgreSQL text cannot hold U+0000; no phone number has one
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        Q = Q.Length > 200 ? Q[..200] : Q;
        Result = await lookup.LookupAsync(Q, scope.Of(User), ct);
        var elsewhere = Result.ElsewhereInRegion is { } hit ? $"; elsewhere in the region: {(hit ? "yes" : "no")}" : "";
        await audit.WriteAsync(User.Identity!.Name!, "lookup", "phone", Result.E164 ?? Q, (Result.Known ? $"{Result.Ads.Count} ads" : "not found") + elsewhere, ct);
    }
}
