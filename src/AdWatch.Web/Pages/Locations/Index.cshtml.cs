using AdWatch.Locations;
using AdWatch.Web.Dashboard.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Locations;

/// <summary><c>/locations</c>: the flagged locations, filtered, sorted and paged by query string (bookmarkable).</summary>
public sealed class IndexModel(FlaggedLocationQuery query, RegionMap map) : PageModel
{
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

    public async Task OnGetAsync(CancellationToken ct)
    {
        var sort = Sort switch
        {
            "lastseen" => FlaggedLocationSort.LastSeen,
            "advertisers" => FlaggedLocationSort.Advertisers,
            _ => FlaggedLocationSort.Score,
        };
        var status = Status is "licensed" || (Status is not null && FlaggedLocationFilter.Statuses.Contains(Status)) ? Status : null;
        Result = await query.ListAsync(new FlaggedLocationFilter
        {
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
