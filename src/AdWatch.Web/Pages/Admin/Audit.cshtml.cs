using System.Globalization;
using AdWatch.Privacy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages.Admin;

/// <summary>The audit log (admin only): who viewed, changed or exported what, and when. Reading it is itself audited.</summary>
public sealed class AuditModel(AuditQuery query, AuditLog audit) : PageModel
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    /// <summary>First day (Amsterdam), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>Last day (Amsterdam), inclusive.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + AuditQuery.PageSize - 1) / AuditQuery.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var filter = new AuditFilter(Actor, ActionName, StartOf(From), To is { } to && to < DateOnly.MaxValue ? StartOf(to.AddDays(1)) : null);
        (Entries, Total) = await query.GetAsync(filter, PageNumber, ct);
        Actions = await query.ActionsAsync(ct);
        await audit.WriteAsync(User.Identity!.Name!, "view", "audit_log", null,
            $"actor={Actor} action={ActionName} from={From:yyyy-MM-dd} to={To:yyyy-MM-dd} page={PageNumber}", ct);
    }

    /// <summary>The query string of another page with the same filter.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["action"] = ActionName,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public static string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static DateTimeOffset? StartOf(DateOnly? day)
    {
        if (day is not { } d)
        {
            return null;
        }
        var local = d.ToDateTime(TimeOnly.MinValue);
        var offset = Amsterdam.GetUtcOffset(local);
        // The calendar's first day in Amsterdam starts before DateTimeOffset.MinValue in UTC: no lower bound then.
        return local - DateTime.MinValue < offset ? null : new DateTimeOffset(local, offset);
    }
}
