namespace AdWatch.Exports.Zgw;

/// <summary>
/// The municipality's ZGW case system (Zaken API 1.5, Documenten API 1.5; e.g. Open Zaak). Section <c>Exports:Zgw</c>.
/// Leave <see cref="ZakenApiUrl"/> empty to disable ZGW exports; when it is set, every other required setting is checked at start.
/// </summary>
public sealed class ZgwOptions
{
    /// <summary>Base URL of the Zaken API, e.g. <c>https://zaken.gemeente.example/zaken/api/v1/</c>. Empty: ZGW export off.</summary>
    public string? ZakenApiUrl { get; set; }

    /// <summary>Base URL of the Documenten API, e.g. <c>https://zaken.gemeente.example/documenten/api/v1/</c>.</summary>
    public string? DocumentenApiUrl { get; set; }

    /// <summary>The JWT <c>client_id</c> (and <c>iss</c>) the case system knows AdWatch by.</summary>
    public string? ClientId { get; set; }

    /// <summary>The shared secret that signs the JWT (HS256). Keep it out of the repository (environment variable or secrets file).</summary>
    public string? Secret { get; set; }

    /// <summary>RSIN (9 digits, elfproef) of the organisation that creates the zaak and document.</summary>
    public string? Bronorganisatie { get; set; }

    /// <summary>RSIN of the organisation responsible for handling the zaak; default: <see cref="Bronorganisatie"/>.</summary>
    public string? VerantwoordelijkeOrganisatie { get; set; }

    /// <summary>URL of the ZAAKTYPE in the Catalogi API (e.g. "Signaal illegale prostitutie").</summary>
    public string? Zaaktype { get; set; }

    /// <summary>URL of the INFORMATIEOBJECTTYPE of the evidence dossier in the Catalogi API.</summary>
    public string? Informatieobjecttype { get; set; }

    /// <summary>Confidentiality of the zaak and document; one of the ZGW values (openbaar … zeer_geheim).</summary>
    public string Vertrouwelijkheidaanduiding { get; set; } = "vertrouwelijk";

    /// <summary>JWT <c>user_id</c>: who acts in the case system; default the requesting dashboard user's name.</summary>
    public string? UserId { get; set; }

    /// <summary>JWT <c>user_representation</c>: how the case system shows the acting user.</summary>
    public string UserRepresentation { get; set; } = "AdWatch";

    /// <summary>Prefix of the zaak <c>identificatie</c> (<c>{prefix}-{flagId}</c>); unique per AdWatch installation and bronorganisatie.</summary>
    public string IdentificatiePrefix { get; set; } = "ADWATCH";

    /// <summary>Time-out of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries of one idempotent call (GET) on transient errors; POSTs are never retried inside a call: the export job resumes them.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>Base delay between GET retries (exponential with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// URL of the STATUSTYPE (of <see cref="Zaaktype"/>) a change of a measure's state is sent as, on the zaak of the location's
    /// lead; per state it can be overridden in <see cref="MeasureStatustypen"/>. Empty for both: measures stay in AdWatch.
    /// </summary>
    public string? MeasureStatustype { get; set; }

    /// <summary>
    /// The STATUSTYPE per measure state (keys <c>intended</c>, <c>imposed</c>, <c>forfeited</c>, <c>executed</c>, <c>lifted</c>,
    /// <c>in_objection</c>), e.g. an end status for <c>lifted</c>; a state not named here uses <see cref="MeasureStatustype"/>.
    /// </summary>
    public Dictionary<string, string> MeasureStatustypen { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrWhiteSpace(ZakenApiUrl);

    /// <summary>The STATUSTYPE a measure that reached <paramref name="state"/> is sent as; null: that change is not sent.</summary>
    public string? StatustypeFor(Enforcement.MeasureState state) =>
        !Enabled ? null
        : MeasureStatustypen.TryGetValue(Storage.EnumText.ToText(state), out var url) && !string.IsNullOrWhiteSpace(url) ? url
        : string.IsNullOrWhiteSpace(MeasureStatustype) ? null : MeasureStatustype;

    internal static readonly string[] Confidentiality =
        ["openbaar", "beperkt_openbaar", "intern", "zaakvertrouwelijk", "vertrouwelijk", "confidentieel", "geheim", "zeer_geheim"];

    /// <summary>Problems, each naming its setting; empty when valid or disabled.</summary>
    public IEnumerable<string> Validate()
    {
        if (!Enabled)
        {
            yield break;
        }
        foreach (var (name, value) in new[] { ("ZakenApiUrl", ZakenApiUrl), ("DocumentenApiUrl", DocumentenApiUrl), ("Zaaktype", Zaaktype),
            ("Informatieobjecttype", Informatieobjecttype) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Exports:Zgw:{name} must be an absolute http(s) URL (got '{value}').";
            }
        }
        foreach (var (name, value) in MeasureStatustypen.Select(p => ($"MeasureStatustypen:{p.Key}", (string?)p.Value))
            .Prepend(("MeasureStatustype", MeasureStatustype)).Where(p => !string.IsNullOrWhiteSpace(p.Item2)))
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return $"Exports:Zgw:{name} must be an absolute http(s) URL (got '{value}').";
            }
        }
        foreach (var key in MeasureStatustypen.Keys.Where(k => !Storage.EnumText.TryParse<Enforcement.MeasureState>(k, out _)))
        {
            yield return $"Exports:Zgw:MeasureStatustypen:{key} is not a measure state; use intended, imposed, forfeited, executed, lifted or in_objection.";
        }
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return "Exports:Zgw:ClientId is required when Exports:Zgw:ZakenApiUrl is set.";
        }
        if (string.IsNullOrEmpty(Secret))
        {
            yield return "Exports:Zgw:Secret is required when Exports:Zgw:ZakenApiUrl is set.";
        }
        if (!Rsin.IsValid(Bronorganisatie))
        {
            yield return $"Exports:Zgw:Bronorganisatie must be an RSIN of 9 digits that passes the elfproef (got '{Bronorganisatie}').";
        }
        if (VerantwoordelijkeOrganisatie is not null && !Rsin.IsValid(VerantwoordelijkeOrganisatie))
        {
            yield return $"Exports:Zgw:VerantwoordelijkeOrganisatie must be an RSIN of 9 digits that passes the elfproef (got '{VerantwoordelijkeOrganisatie}').";
        }
        if (!Confidentiality.Contains(Vertrouwelijkheidaanduiding))
        {
            yield return $"Exports:Zgw:Vertrouwelijkheidaanduiding must be one of {string.Join(", ", Confidentiality)} (got '{Vertrouwelijkheidaanduiding}').";
        }
        if (string.IsNullOrWhiteSpace(IdentificatiePrefix) || IdentificatiePrefix.Length > 20)
        {
            yield return "Exports:Zgw:IdentificatiePrefix must be 1 to 20 characters (the zaak identificatie may hold 40).";
        }
        if (Retries is < 1 or > 10)
        {
            yield return "Exports:Zgw:Retries must be between 1 and 10.";
        }
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return "Exports:Zgw:AttemptTimeout must be positive.";
        }
    }
}
