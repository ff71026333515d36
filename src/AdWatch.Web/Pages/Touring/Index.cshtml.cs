using System.Globalization;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Touring;

/// <summary><c>/touring</c>: advertisers seen in several towns within a few weeks, one of them in the region (shows phones: audited).</summary>
public sealed class IndexModel(TouringQuery query, UserScope scope, AuditLog audit) : PageModel
{
    public IReadOnlyList<TouringEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Entries = await query.ListAsync(scope.Of(User), ct);
        await audit.WriteAsync(User.Identity!.Name!, "view", "touring", null,
            $"{Entries.Count.ToString(CultureInfo.InvariantCulture)} advertisers", ct);
    }
}
