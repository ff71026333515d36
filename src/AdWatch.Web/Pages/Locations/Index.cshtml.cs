using AdWatch.Accounts;
using AdWatch.Exports;
using AdWatch.Exports.Files;
using AdWatch.Web.Maps;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// <c>/locations</c>: the flagged locations, filtered, sorted and paged by query string (bookmarkable). Only the user's
/// organisation's municipalities are listed and downloaded; asking for another municipality is refused (404, audited).
/// </summary>
public sealed class IndexModel(FlaggedLocationQuery query, RegionMap map, LeadFileExporter files, UserScope scope) : PageModel
{
    /// <summary>Coordinators and admins may download the leads (CSV/JSON, columns in the README); each download is audited.</summary>
    public bool MayExport => LeadExports.AllowedRoles.Contains(User.Claims.FirstOrDefault(c => c.Type == System.Security.Claims.ClaimTypes.Role)?.Value ?? "");

    /// <summary><c>/locations?handler=Download&amp;format=csv|json[&amp;from=DATE]</c>: every active lead (since the date).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        if (!MayExport)
        {
            return Forbid();
        }
        if (format is not ("csv" or "json"))
        {
            return BadRequest();
        }
        var since = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : (DateTimeOffset?)null;
        using var buffer = new MemoryStream();
        await files.WriteAsync(buffer, format, since, User.Identity!.Name!, scope.Of(User), ct);
        return File(buffer.ToArray(), format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", $"adwatch-leads.{format}");
    }

    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public double? MinScore { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public bool Licensed { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    /// <summary>Page number; not "page", which Razor Pages reserves for its own route value.</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public FlaggedLocationPage Result { get; private set; } = new([], 0, 1, 50);

    public RegionMap Map => map;

    /// <summary>The municipalities the user may filter on: the region's, within the user's organisation.</summary>
    public IEnumerable<MapShape> Municipalities => map.Municipalities.Where(m => Scope.Allows(m.Code));

    private AccessScope Scope => scope.Of(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (MinScore is { } m && !double.IsFinite(m))
        {
            MinScore = null; // "NaN" and "Infinity" bind as doubles; they are no threshold
        }
        if (!string.IsNullOrWhiteSpace(Municipality) && !Scope.Allows(Municipality))
        {
            await scope.RefusedAsync(User, "municipality", Municipality.Length <= 16 ? Municipality : Municipality[..16], "location list", ct);
            return NotFound();
        }
        var sort = Sort switch
        {
            "lastseen" => FlaggedLocationSort.LastSeen,
            "advertisers" => FlaggedLocationSort.Advertisers,
            _ => FlaggedLocationSort.Score,
        };
        var status = Status is "licensed" || (Status is not null && FlaggedLocationFilter.Statuses.Contains(Status)) ? Status : null;
        Result = await query.ListAsync(new FlaggedLocationFilter
        {
            Scope = Scope,
            MunicipalityCode = map.Municipalities.Any(m => m.Code == Municipality) ? Municipality : null,
            Status = status,
            MinScore = MinScore,
            From = From is { } f ? new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
            To = To is { } t ? new DateTimeOffset(t.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null,
            IncludeLicensed = Licensed,
            Sort = sort,
            Page = PageNumber,
            PageSize = 25,
        }, ct);
        return Page();
    }

    /// <summary>The current query string with one value changed (for sort and paging links).</summary>
    public string Link(string key, string? value)
    {
        var values = Request.Query.Where(q => q.Key != key && q.Key != "culture" && (key == "p" || q.Key != "p"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        if (value is not null)
        {
            values.Add(new(key, value));
        }
        return "/locations" + QueryString.Create(values);
    }
}
