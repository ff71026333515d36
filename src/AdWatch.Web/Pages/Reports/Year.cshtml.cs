using System.Globalization;
using AdWatch.Enforcement;
using AdWatch.Web.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AdWatch.Web.Pages.Reports;

/// <summary>
/// <c>/reports/year?year=2023&amp;municipality=GM0243</c>: a municipality's year in figures from the recorded controls and measures
/// (the same <see cref="YearReportQuery"/> as <c>adwatch report year</c>), printable, and as CSV (<c>handler=Csv</c>).
/// </summary>
public sealed class YearModel(YearReportQuery query, RegionMap map, TimeProvider time, IStringLocalizer<YearModel> text,
    AdWatch.Web.Security.UserScope scope) : PageModel
{
    /// <summary>The municipalities the user's organisation may report on.</summary>
    public IEnumerable<(string Code, string Name)> Choices => map.Municipalities.Where(m => Scope.Allows(m.Code)).Select(m => (m.Code, m.Name));

    /// <summary>The region's total, for an organisation that sees every municipality of it (police, regional coordinator).</summary>
    public bool MayChooseAll => map.Municipalities.All(m => Scope.Allows(m.Code));

    private AdWatch.Accounts.AccessScope Scope => scope.Of(User);

    public YearReport? Report { get; private set; }
    public string? Error { get; private set; }
    public int Year { get; private set; }
    public string? Municipality { get; private set; }
    public RegionMap Map => map;

    public async Task<IActionResult> OnGetAsync(string? year, string? municipality, CancellationToken ct) =>
        await AllowedAsync(municipality, ct) is { } refused ? refused : await LoadAsync(year, municipality, ct) ? Page() : Refused();

    public async Task<IActionResult> OnGetCsvAsync(string? year, string? municipality, CancellationToken ct)
    {
        if (await AllowedAsync(municipality, ct) is { } refused)
        {
            return refused;
        }
        if (!await LoadAsync(year, municipality, ct))
        {
            return Refused();
        }
        var stream = new MemoryStream();
        await YearReportCsv.WriteAsync(stream, Report!, ct);
        stream.Position = 0;
        var name = $"adwatch-{Year.ToString(CultureInfo.InvariantCulture)}{(Municipality is null ? "" : "-" + Municipality)}.csv";
        return File(stream, "text/csv; charset=utf-8", name);
    }

    /// <summary>
    /// A municipality's figures are its own: another municipality's, or the whole region's, answer 404 to a municipality's
    /// account (audited as a refusal); the police and the regional coordinator see every municipality and the region. An
    /// unknown code is no one's: it passes here and the load refuses it as unknown (400).
    /// </summary>
    private async Task<IActionResult?> AllowedAsync(string? municipality, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim().ToUpperInvariant();
        if ((code is null ? MayChooseAll : Scope.Allows(code)) || (code is not null && await query.CheckMunicipalityAsync(code, ct) is not null))
        {
            return null;
        }
        if (code is null && Scope.MunicipalityCodes.Count > 0)
        {
            // No choice made: the user's own municipality, not the region.
            var handler = Request.Query["handler"].ToString();
            return RedirectToPage(null, handler.Length > 0 ? handler : null,
                new { year = Request.Query["year"].ToString() is { Length: > 0 } y ? y : null, municipality = Scope.MunicipalityCodes[0] });
        }
        await scope.RefusedAsync(User, "year_report", code ?? "region", "open", ct);
        return NotFound();
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(string? year, string? municipality, CancellationToken ct)
    {
        // Default: last year, the one a municipality reports on.
        Year = time.GetUtcNow().Year - 1;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < YearReportQuery.FirstYear or > YearReportQuery.LastYear)
            {
                Error = string.Format(CultureInfo.CurrentCulture, text["Kies een jaar van {0} tot {1}."].Value, YearReportQuery.FirstYear, YearReportQuery.LastYear);
                return false;
            }
            Year = y;
        }
        Municipality = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim().ToUpperInvariant();
        if (Municipality is not null && await query.CheckMunicipalityAsync(Municipality, ct) is not null)
        {
            Error = text["Onbekende gemeente."];
            Municipality = null;
            return false;
        }
        Report = await query.ComputeAsync(Year, Municipality, ct);
        return true;
    }
}
