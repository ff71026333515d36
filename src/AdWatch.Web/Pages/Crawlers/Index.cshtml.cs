using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Crawlers;

/// <summary><c>/crawlers</c>: per site, the last runs, health-gate warnings and errors grouped by kind.</summary>
public sealed class IndexModel(CrawlerHealthQuery query) : PageModel
{
    public IReadOnlyList<SiteHealth> Sites { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sites = await query.ListAsync(10, ct);
}
