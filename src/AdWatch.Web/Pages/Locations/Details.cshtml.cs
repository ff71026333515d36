using System.Globalization;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Web.Hosting;
using AdWatch.Web.Dossier;
using AdWatch.Web.Maps;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AdWatch.Web.Pages.Locations;

/// <summary>
/// <c>/locations/{id}</c>: the location dossier (audited on every view) and its review form. The review rules are the
/// library's <see cref="ReviewWorkflow"/>: the buttons shown follow them, and a forged POST is refused by them.
/// </summary>
public sealed class DetailsModel(DossierQuery query, ReviewWorkflow workflow, AuditLog audit, RegionMap map,
    IOptions<DossierPageOptions> options, IOptions<WebOptions> dashboard, IStringLocalizer<DetailsModel> text,
    LeadExports exports, LeadQuery leads, ExportStore exportRows, IDossierPdfRenderer pdf, LocationResolutions resolutions,
    LocationAccess access, UserScope scope) : PageModel
{
    /// <summary>Coordinators and admins export: to the case system, and the dossier PDF.</summary>
    public bool MayExport => LeadExports.AllowedRoles.Contains(Role);

    /// <summary>The case-system targets configured (zgw, webhook); none: no send button.</summary>
    public IReadOnlyList<string> ExportTargets => exports.Targets;

    public LocationDossier Dossier { get; private set; } = null!;

    /// <summary>The flag's exports, oldest first; empty without a flag.</summary>
    public IReadOnlyList<ExportRow> Exports { get; private set; } = [];
    public RegionMap Map => map;
    public IReadOnlyList<MapPoint> Points { get; private set; } = [];
    public StayTimeline Timeline { get; private set; } = null!;
    public bool MaySeeImages { get; private set; }
    public StreetTiles? Street { get; private set; }
    public IReadOnlyList<ReviewAction> Actions { get; private set; } = [];
    public string? Error { get; private set; }
    public string Role => User.Claims.FirstOrDefault(c => c.Type == System.Security.Claims.ClaimTypes.Role)?.Value ?? "";

    /// <summary>Analysts and coordinators record the address of an unresolved location.</summary>
    public bool MayResolve => Dossier.IsUnresolved && LocationResolutions.AllowedRoles.Contains(Role);

    /// <summary>Set after an address was recorded: the next analysis run moves the evidence there.</summary>
    public string? Recorded { get; private set; }

    [BindProperty] public string? StreetName { get; set; }
    [BindProperty] public string? HouseNumber { get; set; }
    [BindProperty] public string? Postcode { get; set; }
    [BindProperty] public string? Town { get; set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? AssignTo { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Recorded = Request.Query["recorded"] == "1" ? "1" : null;
        await audit.WriteAsync(User.Identity!.Name!, "view", "location", id.ToString(CultureInfo.InvariantCulture), Dossier.Flag is { } f ? $"flag {f.Id}" : null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(long id, string? action, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Dossier.Flag is null || ReviewWorkflow.Parse(action) is not { } parsed)
        {
            return BadRequest();
        }
        var result = await workflow.ApplyAsync(Dossier.Flag.Id, parsed, User.Identity!.Name!, Role, Note, AssignTo, ct);
        if (result.Succeeded)
        {
            // A proposed inspection is what the case system must hear about: the lead goes out at once, to every target.
            if (parsed == ReviewAction.ProposeInspection && exports.Targets.Count > 0)
            {
                await exports.RequestAsync(Dossier.Flag.Id, User.Identity!.Name!, Role, ct);
            }
            return Redirect($"/locations/{id.ToString(CultureInfo.InvariantCulture)}#review");
        }
        Error = result.Refusal switch
        {
            ReviewRefusal.RoleNotAllowed => text["Alleen een coördinator of beheerder mag dit doen."],
            ReviewRefusal.StatusNotAllowed => text["Dat kan niet vanuit de huidige status."],
            ReviewRefusal.TextRequired => text["Vul een reden of notitie in (voor afwijzen verplicht), of een naam om toe te wijzen."],
            ReviewRefusal.Conflict => text["Iemand anders heeft deze melding intussen gewijzigd. Laad de pagina opnieuw."],
            _ => text["Onbekende melding."],
        };
        Response.StatusCode = result.Refusal switch
        {
            ReviewRefusal.RoleNotAllowed => StatusCodes.Status403Forbidden,
            ReviewRefusal.Conflict or ReviewRefusal.StatusNotAllowed => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>Records the address of an unresolved location (audited); the analysis re-runs in the background.</summary>
    public async Task<IActionResult> OnPostResolveAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var result = await resolutions.RecordAsync(id, new ResolutionInput(StreetName, HouseNumber, Postcode, Town), User.Identity!.Name!, Role, ct);
        if (result.Succeeded)
        {
            return Redirect($"/locations/{id.ToString(CultureInfo.InvariantCulture)}?recorded=1#identity");
        }
        Error = result.Refusal switch
        {
            ResolutionRefusal.RoleNotAllowed => text["Alleen een analist, coördinator of beheerder mag een adres vastleggen."],
            ResolutionRefusal.NotUnresolved => text["Deze locatie heeft al een adres."],
            ResolutionRefusal.NotAnAddress => text["Dit adres is niet gevonden; controleer straat, huisnummer en postcode of plaats."],
            ResolutionRefusal.OutsideRegion => text["Dit adres ligt buiten de regio; leg alleen een adres in de regio vast."],
            _ => text["Vul straat, huisnummer en een postcode (1234 AB) of plaats in."],
        };
        Response.StatusCode = result.Refusal switch
        {
            ResolutionRefusal.RoleNotAllowed => StatusCodes.Status403Forbidden,
            ResolutionRefusal.NotUnresolved => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Page();
    }

    /// <summary>Sends the lead to the case system again (e.g. after a failed export, or a changed dossier).</summary>
    public async Task<IActionResult> OnPostExportAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayExport)
        {
            return Forbid();
        }
        if (Dossier.Flag is null)
        {
            return BadRequest();
        }
        try
        {
            await exports.RequestAsync(Dossier.Flag.Id, User.Identity!.Name!, Role, ct);
            return Redirect($"/locations/{id.ToString(CultureInfo.InvariantCulture)}#exports");
        }
        catch (InvalidOperationException e)
        {
            Error = e.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    }

    /// <summary>The evidence dossier as PDF ("for human review" banner), for coordinators and admins; audited as an export.</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayExport)
        {
            return Forbid();
        }
        if (Dossier.Flag is null || await leads.GetAsync(Dossier.Flag.Id, ct) is not { } lead)
        {
            return NotFound();
        }
        byte[] bytes;
        try
        {
            bytes = await pdf.RenderAsync(lead, ct);
        }
        catch (InvalidOperationException e)
        {
            Error = e.Message; // no Chromium on this machine: the message says how to install it
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        await audit.WriteAsync(User.Identity!.Name!, "export", "location", id.ToString(CultureInfo.InvariantCulture), $"dossier pdf sha256 {sha}", ct);
        return File(bytes, "application/pdf", $"adwatch-dossier-{id.ToString(CultureInfo.InvariantCulture)}.pdf");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        // Outside the user's organisation a location answers like a missing one (404), and the refusal is audited.
        var userScope = scope.Of(User);
        if (await access.LocationAsync(id, userScope, ct) == AccessVerdict.Refused)
        {
            // The handler name comes from the request: keep the audit row short whatever it holds.
            var handler = Request.Query["handler"].FirstOrDefault()?.ToLowerInvariant() ?? Request.Method.ToLowerInvariant();
            await scope.RefusedAsync(User, "location", id, $"dossier {(handler.Length <= 16 ? handler : handler[..16])}", ct);
            return false;
        }
        var dossier = await query.GetAsync(id, ct);
        if (dossier is null)
        {
            return false;
        }
        Dossier = LocationAccess.Within(dossier, userScope);
        Exports = dossier.Flag is { } flagged ? [.. (await exportRows.ForFlagAsync(flagged.Id, ct)).Reverse()] : [];
        Timeline = new StayTimeline(dossier.Stays);
        MaySeeImages = options.Value.MaySeeImages(User);
        Street = StreetTiles.Around(dashboard.Value.TileUrl, dossier.Place.Lat, dossier.Place.Lon);
        Actions = dossier.Flag is { } flag ? ReviewWorkflow.AllowedActions(Role, flag.Status) : [];
        Points = [.. dossier.LinkedLocations.Select(l => map.Point(l.Lat, l.Lon, "linked", l.Label, l.LocationId)).OfType<MapPoint>(),
            .. new[] { map.Point(dossier.Place.Lat, dossier.Place.Lon, "main", dossier.Label, dossier.LocationId) }.OfType<MapPoint>()];
        return true;
    }
}
