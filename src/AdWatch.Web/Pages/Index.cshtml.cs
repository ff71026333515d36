using System.Globalization;
using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AdWatch.Web.Pages;

/// <summary>
/// The overview (<c>/</c>): flags per municipality and status, what is new since the previous visit, weekly activity per
/// municipality, and the crawlers' last runs. Opening it counts as a visit.
/// </summary>
public sealed class IndexModel(OverviewQuery overview, UserStore users, TimeProvider time, UserScope scope) : PageModel
{
    /// <summary>Review statuses in workflow order (columns of the table).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["new", "in_review", "inspection_proposed", "inspected", "closed", "dismissed"];

    public OverviewModel Data { get; private set; } = null!;

    public TrendChart Chart { get; private set; } = null!;

    /// <summary>The previous visit the "new" list counts from; null on a first visit.</summary>
    public DateTimeOffset? Since { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Since = User.FindFirst(PasswordSignIn.PreviousVisitClaim)?.Value is { } ms
                && long.TryParse(ms, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix)
            ? DateTimeOffset.FromUnixTimeMilliseconds(unix)
            : null;
        Data = await overview.GetAsync(Since, scope.Of(User), ct);
        Chart = new TrendChart(Data.Trend);
        await users.RecordVisitAsync(User.Identity!.Name!, time.GetUtcNow(), ct);
    }

    /// <summary>The municipality's name, or the code when it is outside the configured region.</summary>
    public string MunicipalityName(string? code) =>
        code is null ? "—" : Data.Municipalities.FirstOrDefault(m => m.Code == code)?.Name ?? code;

    /// <summary>Municipalities shown as rows: the region's, plus any other code that has flags.</summary>
    public IEnumerable<string?> MunicipalityRows() =>
        Data.Municipalities.Select(m => (string?)m.Code)
            .Concat(Data.FlagCounts.Select(c => c.MunicipalityCode).Where(c => Data.Municipalities.All(m => m.Code != c)).Distinct());

    /// <summary>A time in Amsterdam, formatted for the current culture.</summary>
    public static string Local(DateTimeOffset? at) => at is { } t
        ? TimeZoneInfo.ConvertTime(t, Amsterdam).ToString("g", CultureInfo.CurrentCulture)
        : "—";

    /// <summary>A date in Amsterdam, formatted for the current culture.</summary>
    public static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam).ToString("d MMM", CultureInfo.CurrentCulture);

    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
