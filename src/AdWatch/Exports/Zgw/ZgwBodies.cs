using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AdWatch.Exports.Zgw;

/// <summary>
/// The request bodies AdWatch sends (Zaken API 1.5.1 <c>Zaak</c>, <c>adres_ZaakObject</c>, <c>ZaakInformatieObject</c>;
/// Documenten API 1.5.0 <c>EnkelvoudigInformatieObjectCreateLockRequest</c>). Optional fields without a value are left out
/// rather than sent as null. Tests validate every body against the official schemas.
/// </summary>
public static partial class ZgwBodies
{
    public const string KenmerkBron = "ADWATCH";
    private static readonly TimeZoneInfo Dutch = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The zaak's identificatie: stable for a lead, so a second attempt finds the first one's zaak.</summary>
    public static string Identificatie(ZgwOptions zgw, Lead lead) => $"{zgw.IdentificatiePrefix}-{lead.FlagId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The document's identificatie: one per export, so a later export of the same lead adds a new dossier.</summary>
    public static string DocumentIdentificatie(ZgwOptions zgw, Lead lead, long exportId) =>
        $"{Identificatie(zgw, lead)}-dossier-{exportId.ToString(CultureInfo.InvariantCulture)}";

    public static JsonObject Zaak(ZgwOptions zgw, Lead lead, DateTimeOffset now)
    {
        var zaak = new JsonObject
        {
            ["identificatie"] = Identificatie(zgw, lead),
            ["bronorganisatie"] = zgw.Bronorganisatie,
            ["verantwoordelijkeOrganisatie"] = zgw.VerantwoordelijkeOrganisatie ?? zgw.Bronorganisatie,
            ["zaaktype"] = zgw.Zaaktype,
            ["startdatum"] = DutchDate(now),
            ["omschrijving"] = Cut("Signaal AdWatch: " + lead.Label, 80),
            ["toelichting"] = Cut(
                $"Automatisch signaal van AdWatch (score {lead.Score.ToString("0.00", CultureInfo.InvariantCulture)}), voor menselijke beoordeling; " +
                $"geen bewijs van strafbaar handelen. Redenen: {string.Join(", ", lead.Reasons.Select(r => r.Code))}. Zie het bijgevoegde dossier.", 1000),
            ["vertrouwelijkheidaanduiding"] = zgw.Vertrouwelijkheidaanduiding,
            ["kenmerken"] = new JsonArray(new JsonObject { ["kenmerk"] = lead.LeadId, ["bron"] = KenmerkBron }),
        };
        if (lead is { AddressUnknown: false, Lat: { } lat, Lon: { } lon })
        {
            // GeoJSON order is [longitude, latitude], WGS84 (EPSG:4326, announced in Content-Crs).
            zaak["zaakgeometrie"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };
        }
        return zaak;
    }

    /// <summary>The zaakobject type AdWatch sends for a lead: <c>adres</c>, or <c>woonplaats</c> when the address is unknown.</summary>
    public static string ZaakObjectType(Lead lead) => lead.AddressUnknown ? "woonplaats" : "adres";

    /// <summary>
    /// The lead's address as a zaakobject of type <c>adres</c>. <c>identificatie</c> is the BAG nummeraanduiding id when PDOK
    /// geocoded the address (what a case system can resolve in the BAG); without one it names the AdWatch location. A
    /// location known only to street or postcode precision gets house number 0. An unresolved location
    /// (address unknown) is sent as its town only, a zaakobject of type <c>woonplaats</c> saying "adres onbekend": no street,
    /// house number, postcode or BAG reference is filled or guessed.
    /// </summary>
    public static JsonObject ZaakObject(Lead lead, string zaakUrl)
    {
        if (lead.AddressUnknown)
        {
            return new JsonObject
            {
                ["zaak"] = zaakUrl,
                ["objectType"] = "woonplaats",
                ["relatieomschrijving"] = Cut("Woonplaats van het signaal; " + lead.Label, 80),
                ["objectIdentificatie"] = new JsonObject
                {
                    ["identificatie"] = "adwatch-locatie-" + lead.LocationId.ToString(CultureInfo.InvariantCulture),
                    ["woonplaatsNaam"] = Cut(lead.Place ?? lead.MunicipalityCode ?? "onbekend", 80),
                },
            };
        }
        var address = new JsonObject
        {
            ["identificatie"] = lead.NummeraanduidingId ?? "adwatch-locatie-" + lead.LocationId.ToString(CultureInfo.InvariantCulture),
            ["wplWoonplaatsNaam"] = Cut(lead.Place ?? lead.MunicipalityCode ?? "onbekend", 80),
            ["gorOpenbareRuimteNaam"] = Cut(lead.Street ?? lead.Label, 80),
            ["huisnummer"] = 0,
        };
        if (lead.HouseNumber is { } number && HouseNumber().Match(number.Trim()) is { Success: true } m)
        {
            address["huisnummer"] = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (m.Groups["l"].Success)
            {
                address["huisletter"] = m.Groups["l"].Value.ToUpperInvariant();
            }
            if (m.Groups["t"].Success)
            {
                address["huisnummertoevoeging"] = m.Groups["t"].Value;
            }
        }
        if (lead.Postcode is { } postcode)
        {
            address["postcode"] = Cut(postcode.Replace(" ", "", StringComparison.Ordinal), 7);
        }
        return new JsonObject
        {
            ["zaak"] = zaakUrl,
            ["objectType"] = "adres",
            ["relatieomschrijving"] = lead.Precision == "address" ? "Adres van het signaal" : $"Locatie van het signaal ({lead.Precision})",
            ["objectIdentificatie"] = address,
        };
    }

    public static JsonObject Document(ZgwOptions zgw, ExportsOptions exports, Lead lead, long exportId, byte[] pdf, DateTimeOffset now) => new()
    {
        ["identificatie"] = DocumentIdentificatie(zgw, lead, exportId),
        ["bronorganisatie"] = zgw.Bronorganisatie,
        ["creatiedatum"] = DutchDate(now),
        ["titel"] = Cut("AdWatch dossier " + lead.Label, 200),
        ["vertrouwelijkheidaanduiding"] = zgw.Vertrouwelijkheidaanduiding,
        ["auteur"] = exports.DocumentAuthor,
        ["status"] = "definitief",
        ["formaat"] = "application/pdf",
        ["taal"] = "dut",
        ["bestandsnaam"] = $"adwatch-dossier-{lead.FlagId.ToString(CultureInfo.InvariantCulture)}.pdf",
        ["inhoud"] = Convert.ToBase64String(pdf),
        ["bestandsomvang"] = pdf.LongLength,
        ["beschrijving"] = "Dossier van een AdWatch-signaal, voor menselijke beoordeling; geen bewijs van strafbaar handelen.",
        ["indicatieGebruiksrecht"] = false,
        ["informatieobjecttype"] = zgw.Informatieobjecttype,
    };

    public static JsonObject ZaakInformatieObject(string zaakUrl, string documentUrl) => new()
    {
        ["zaak"] = zaakUrl,
        ["informatieobject"] = documentUrl,
        ["titel"] = "AdWatch dossier",
        ["beschrijving"] = "Dossier met de redenen, verblijven, advertenties en hun bewijs (SHA-256).",
    };

    /// <summary>
    /// A change of a measure's state as a status of the lead's zaak. <c>datumStatusGezet</c> is the day the change took effect,
    /// at the time of day it was recorded (Dutch time), so two changes on one day keep their order. The toelichting says
    /// what the measure is and ends with <see cref="StatusMarker"/>, by which a retry finds a status it already created.
    /// </summary>
    public static JsonObject Status(string zaakUrl, string statustype, Enforcement.MeasureRecord measure, Enforcement.MeasureEvent change)
    {
        var local = change.On.ToDateTime(TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(change.At, Dutch).TimeOfDay));
        var at = new DateTimeOffset(local, Dutch.GetUtcOffset(local));
        var what = measure.Type switch
        {
            Enforcement.MeasureType.Dwangsom => "Last onder dwangsom",
            Enforcement.MeasureType.Bestuursdwang => "Last onder bestuursdwang",
            Enforcement.MeasureType.Sluiting => "Sluiting",
            _ => "Waarschuwing",
        };
        var details = new List<string>();
        if (measure.AmountCents is { } cents)
        {
            details.Add("€ " + (cents / 100m).ToString("#,##0.##", CultureInfo.GetCultureInfo("nl-NL")));
        }
        if (measure.TermEndsOn is { } term)
        {
            details.Add("begunstigingstermijn tot " + Day(term));
        }
        if (measure.StartsOn is { } from)
        {
            details.Add(measure.EndsOn is { } to ? $"gesloten van {Day(from)} tot en met {Day(to)}" : $"gesloten vanaf {Day(from)}");
        }
        var step = change.From is { } was ? $"{StateNl(was)} → {StateNl(change.To)}" : StateNl(change.To);
        var text = $"{what}{(details.Count > 0 ? " (" + string.Join("; ", details) + ")" : "")}: {step} per {Day(change.On)}. " +
                   $"Vastgelegd in AdWatch door {change.Actor}.";
        return new JsonObject
        {
            ["zaak"] = zaakUrl,
            ["statustype"] = statustype,
            ["datumStatusGezet"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["statustoelichting"] = Cut(text, 1000 - StatusMarker(change).Length - 1) + " " + StatusMarker(change),
        };
    }

    /// <summary>The words that name one measure event in a status's toelichting: how a retry recognises what it sent.</summary>
    public static string StatusMarker(Enforcement.MeasureEvent change) =>
        $"[AdWatch maatregel {change.MeasureId.ToString(CultureInfo.InvariantCulture)}, wijziging {change.Id.ToString(CultureInfo.InvariantCulture)}]";

    private static string StateNl(Enforcement.MeasureState state) => state switch
    {
        Enforcement.MeasureState.Intended => "voorgenomen",
        Enforcement.MeasureState.Imposed => "opgelegd",
        Enforcement.MeasureState.Forfeited => "verbeurd",
        Enforcement.MeasureState.Executed => "uitgevoerd",
        Enforcement.MeasureState.Lifted => "ingetrokken",
        _ => "in bezwaar",
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string DutchDate(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Dutch).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    [GeneratedRegex(@"^(?<n>\d{1,5})(?!\d)\s*(?<l>[A-Za-z](?![A-Za-z]))?[\s\-/]*(?<t>[A-Za-z0-9]{1,4})?$")]
    private static partial Regex HouseNumber();
}
