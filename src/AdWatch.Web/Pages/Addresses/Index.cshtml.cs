using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Addresses;

/// <summary>
/// <c>/addresses?q=…</c>: address lookup, any writing of an address (a tip, a complaint); every lookup is audited. The
/// house's places, location and ads only within the user's organisation; outside it only "known to AdWatch: yes/no".
/// </summary>
public sealed class IndexModel(AddressLookup lookup, AuditLog audit, UserScope scope) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public AddressLookupResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return;
        }
        Q = Q.Length > Geocoding.TypedAddress.MaxLength ? Q[..Geocoding.TypedAddress.MaxLength] : Q;
        Result = await lookup.LookupAsync(Q, scope.Of(User), ct);
        var outcome = Result.House is null ? "not an address"
            : Result.InScope ? $"{Result.Hits.Count} places, {Result.Hits.Sum(h => h.Ads)} ads"
            : $"outside the organisation; known: {(Result.KnownElsewhere == true ? "yes" : "no")}";
        await audit.WriteAsync(User.Identity!.Name!, "lookup", "address", Result.House?.Key ?? Q, outcome, ct);
    }
}
