using System.Globalization;
using AdWatch.Browser;
using AdWatch.Enforcement;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
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
[RequestFormLimits(MultipartBodyLengthLimit = EnforcementStore.MaxDocumentBytes + 64 * 1024)]
[RequestSizeLimit(EnforcementStore.MaxDocumentBytes + 128 * 1024)]
public sealed class DetailsModel(DossierQuery query, ReviewWorkflow workflow, AuditLog audit, RegionMap map,
    IOptions<DossierPageOptions> options, IOptions<WebOptions> dashboard, IStringLocalizer<DetailsModel> text,
    LeadExports exports, LeadQuery leads, ExportStore exportRows, IDossierPdfRenderer pdf, LocationResolutions resolutions,
    LocationAccess access, UserScope scope, EnforcementStore enforcement, ChromiumPool chromium) : PageModel
{
    /// <summary>
    /// Why the dossier PDF cannot be printed on this server (no Chromium), in the page's language, with how to install it;
    /// null when it can. The page shows this instead of the PDF link, and the PDF handler answers 503 with it.
    /// </summary>
    public string? PdfUnavailable { get; private set; }

    /// <summary>
    /// Set after an inspection was proposed while no case system is configured: the status changed here, nothing was sent.
    /// </summary>
    public bool ProposedWithoutCaseSystem { get; private set; }

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

    /// <summary>The location's controls, oldest first.</summary>
    public IReadOnlyList<ControlRecord> Controls { get; private set; } = [];

    /// <summary>The documents of each control (name, size, SHA-256; the bytes only on download).</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<ControlDocument>> Documents { get; private set; } = new Dictionary<long, IReadOnlyList<ControlDocument>>();

    /// <summary>The location's measures with their state history.</summary>
    public IReadOnlyList<(MeasureRecord Measure, IReadOnlyList<MeasureEvent> Events)> Measures { get; private set; } = [];

    /// <summary>Coordinators and admins record controls and measures and change a measure's state (as they close reviews).</summary>
    public bool MayEnforce => ReviewWorkflow.IsCoordinator(Role);

    [BindProperty] public string? ControlOn { get; set; }
    [BindProperty] public List<string> ControlBy { get; set; } = [];
    [BindProperty] public string? ControlPremises { get; set; }
    [BindProperty] public bool ControlIllegal { get; set; }
    [BindProperty] public int PersonsChecked { get; set; }
    [BindProperty] public int PersonsIllegal { get; set; }
    [BindProperty] public bool ControlTrafficking { get; set; }
    [BindProperty] public bool ControlCareOffered { get; set; }
    [BindProperty] public string? ControlNote { get; set; }

    [BindProperty] public string? MeasureKind { get; set; }
    [BindProperty] public decimal? MeasureAmount { get; set; }
    [BindProperty] public string? MeasureTermEndsOn { get; set; }
    [BindProperty] public string? MeasureFrom { get; set; }
    [BindProperty] public string? MeasureTo { get; set; }
    [BindProperty] public string? MeasureFirstState { get; set; }
    [BindProperty] public string? MeasureOn { get; set; }
    [BindProperty] public string? MeasureNote { get; set; }

    [BindProperty] public long MeasureId { get; set; }
    [BindProperty] public string? NewState { get; set; }
    [BindProperty] public string? StateOn { get; set; }
    [BindProperty] public string? StateNote { get; set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? AssignTo { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Recorded = Request.Query["recorded"] == "1" ? "1" : null;
        ProposedWithoutCaseSystem = Request.Query["notsent"] == "1" && ExportTargets.Count == 0;
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
            else if (parsed == ReviewAction.ProposeInspection)
            {
                // Never let a proposal look sent: the page says that no case system is configured and nothing went out.
                return Redirect($"/locations/{id.ToString(CultureInfo.InvariantCulture)}?notsent=1#review");
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

    /// <summary>Records a control at this location (coordinators and admins; audited by the store).</summary>
    public async Task<IActionResult> OnPostControlAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEnforce)
        {
            return Refuse(StatusCodes.Status403Forbidden, text["Alleen een coördinator of beheerder mag dit doen."]);
        }
        if (Day(ControlOn) is not { } on || !EnumText.TryParse<Premises>(ControlPremises, out var premises))
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Vul een geldige datum in (jjjj-mm-dd)."]);
        }
        var parties = ControlBy.Select(p => EnumText.TryParse<ControlParty>(p, out var party) ? party : (ControlParty?)null).ToList();
        var result = await enforcement.RecordControlAsync(new NewControl(id, on, [.. parties.OfType<ControlParty>()], premises, ControlIllegal,
            PersonsChecked, PersonsIllegal, ControlTrafficking, ControlCareOffered, ControlNote), User.Identity!.Name!, ct);
        return Done(id, result);
    }

    /// <summary>Attaches a document (PDF, PNG or JPEG, up to 10 MiB) to one of this location's controls (coordinators and admins).</summary>
    public async Task<IActionResult> OnPostDocumentAsync(long id, long controlId, IFormFile? document, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEnforce)
        {
            return Refuse(StatusCodes.Status403Forbidden, text["Alleen een coördinator of beheerder mag dit doen."]);
        }
        if (Controls.All(c => c.Id != controlId))
        {
            return NotFound(); // a control of another location: not this dossier's to change
        }
        if (document is null || document.Length is 0 or > EnforcementStore.MaxDocumentBytes)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Kies een bestand van hooguit 10 MB."]);
        }
        using var buffer = new MemoryStream((int)document.Length);
        await document.CopyToAsync(buffer, ct);
        return Done(id, await enforcement.AddDocumentAsync(controlId, document.FileName, buffer.ToArray(), User.Identity!.Name!, ct));
    }

    /// <summary>
    /// A control's document, only as a download (never shown in the page: a PDF or image is the case's, not the dashboard's
    /// content), to whoever may open the location; audited.
    /// </summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, long documentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (await enforcement.DocumentAsync(documentId, ct) is not { } stored || stored.LocationId != id)
        {
            return NotFound();
        }
        await audit.WriteAsync(User.Identity!.Name!, "view", "control_document", documentId.ToString(CultureInfo.InvariantCulture),
            $"'{stored.Document.Name}' of control {stored.Document.ControlId} at location {id}, sha256 {stored.Document.Sha256}", ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return File(stored.Content, stored.MediaType, stored.Document.Name);
    }

    /// <summary>Records a measure at this location, intended or imposed (coordinators and admins).</summary>
    public async Task<IActionResult> OnPostMeasureAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEnforce)
        {
            return Refuse(StatusCodes.Status403Forbidden, text["Alleen een coördinator of beheerder mag dit doen."]);
        }
        if (Day(MeasureOn) is not { } on || !EnumText.TryParse<MeasureType>(MeasureKind, out var type) ||
            !EnumText.TryParse<MeasureState>(MeasureFirstState, out var state) || BadDay(MeasureTermEndsOn) || BadDay(MeasureFrom) || BadDay(MeasureTo))
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Vul een geldige datum in (jjjj-mm-dd)."]);
        }
        long? cents = MeasureAmount is { } euro && euro is > 0 and < 100_000_000 ? (long)Math.Round(euro * 100) : null;
        var result = await enforcement.RecordMeasureAsync(new NewMeasure(id, type, cents, Day(MeasureTermEndsOn), Day(MeasureFrom), Day(MeasureTo),
            state, on, MeasureNote), User.Identity!.Name!, ct);
        return Done(id, result);
    }

    /// <summary>Changes a measure's state; the allowed changes are the library's <see cref="MeasureTransitions"/>.</summary>
    public async Task<IActionResult> OnPostMeasureStateAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!MayEnforce)
        {
            return Refuse(StatusCodes.Status403Forbidden, text["Alleen een coördinator of beheerder mag dit doen."]);
        }
        // A measure of another location, posted from this page, is unknown here.
        if (Measures.All(m => m.Measure.Id != MeasureId) || !EnumText.TryParse<MeasureState>(NewState, out var to))
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Onbekende maatregel."]);
        }
        if (Day(StateOn) is not { } on)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["Vul een geldige datum in (jjjj-mm-dd)."]);
        }
        return Done(id, await enforcement.ChangeStateAsync(MeasureId, to, on, User.Identity!.Name!, StateNote, ct));
    }

    private IActionResult Done(long id, EnforcementResult result)
    {
        if (result.Succeeded)
        {
            return Redirect($"/locations/{id.ToString(CultureInfo.InvariantCulture)}#enforcement");
        }
        return Refuse(result.Refusal is EnforcementRefusal.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, result.Refusal switch
        {
            EnforcementRefusal.NotFound => text["Onbekende maatregel."],
            EnforcementRefusal.MissingParties => text["Kies wie er aan de controle deelnamen en het soort pand."],
            EnforcementRefusal.PersonCounts => text["Het aantal gecontroleerde personen is 0 tot 500, en niet kleiner dan het aantal illegaal werkzamen."],
            EnforcementRefusal.IllegalNotMarked => text["Er zijn illegaal werkzame personen geteld: vink illegale prostitutie aan."],
            EnforcementRefusal.DocumentKind => text["Alleen PDF-, PNG- en JPEG-bestanden kunnen worden toegevoegd."],
            EnforcementRefusal.BadDocument => text["Kies een bestand van hooguit 10 MB."],
            EnforcementRefusal.TextTooLong => text["Een notitie is hooguit 4000 tekens."],
            EnforcementRefusal.Amount => text["Alleen een dwangsom heeft een bedrag (meer dan € 0, hooguit € 10.000.000)."],
            EnforcementRefusal.ClosureDates => text["Een sluiting kan niet eindigen voordat zij begint."],
            EnforcementRefusal.StateNotForType => text["Alleen een dwangsom kan verbeurd worden, en alleen een bestuursdwang of sluiting toegepast."],
            EnforcementRefusal.TransitionNotAllowed => text["Deze maatregel kan niet naar die stand; kies een van de getoonde standen."],
            EnforcementRefusal.DateBeforeLastChange => text["De ingangsdatum ligt vóór de vorige wijziging van deze maatregel."],
            EnforcementRefusal.Conflict => text["Iemand anders heeft deze maatregel intussen gewijzigd. Laad de pagina opnieuw."],
            _ => text["Een nieuwe maatregel is voorgenomen of opgelegd."],
        });
    }

    private PageResult Refuse(int status, string message)
    {
        Error = message;
        Response.StatusCode = status;
        return Page();
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>A date field that holds text which is no date (empty is fine: the field is optional).</summary>
    private static bool BadDay(string? text) => !string.IsNullOrWhiteSpace(text) && Day(text) is null;

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
        if (PdfUnavailable is not null)
        {
            Error = PdfUnavailable;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        byte[] bytes;
        try
        {
            bytes = await pdf.RenderAsync(lead, ct);
        }
        catch (InvalidOperationException e)
        {
            Error = e.Message; // e.g. Chromium vanished after the page was loaded: the message says how to install it
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
        PdfUnavailable = chromium.Unavailable() is { } why
            ? string.Format(CultureInfo.CurrentCulture, text["De PDF kan op deze server niet worden gemaakt: Chromium ontbreekt ({0}). Een beheerder installeert het met apt-get install chromium, of zet Browser:ChromiumPath op het pad van Chromium."].Value, why)
            : null;
        Exports = dossier.Flag is { } flagged ? [.. (await exportRows.ForFlagAsync(flagged.Id, ct)).Reverse()] : [];
        Timeline = new StayTimeline(dossier.Stays);
        MaySeeImages = options.Value.MaySeeImages(User);
        Street = StreetTiles.Around(dashboard.Value.TileUrl, dossier.Place.Lat, dossier.Place.Lon);
        Controls = await enforcement.ControlsAsync(id, ct);
        var documents = new Dictionary<long, IReadOnlyList<ControlDocument>>();
        foreach (var control in Controls)
        {
            documents[control.Id] = await enforcement.DocumentsAsync(control.Id, ct);
        }
        Documents = documents;
        var measures = new List<(MeasureRecord, IReadOnlyList<MeasureEvent>)>();
        foreach (var m in await enforcement.MeasuresAsync(id, ct))
        {
            measures.Add((m, await enforcement.EventsAsync(m.Id, ct)));
        }
        Measures = measures;
        Actions = dossier.Flag is { } flag ? ReviewWorkflow.AllowedActions(Role, flag.Status) : [];
        Points = [.. dossier.LinkedLocations.Select(l => map.Point(l.Lat, l.Lon, "linked", l.Label, l.LocationId)).OfType<MapPoint>(),
            .. new[] { map.Point(dossier.Place.Lat, dossier.Place.Lon, "main", dossier.Label, dossier.LocationId) }.OfType<MapPoint>()];
        return true;
    }
}
