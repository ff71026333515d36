namespace AdWatch.Review;

/// <summary>
/// One place a person at a control, or an analyst, can turn to: Meld Misdaad Anoniem, CoMensha, the local care coordinator.
/// Texts and hours are per language (<see cref="ReferralLanguages.All"/>): analysts read nl/en, the people concerned often es/pt.
/// </summary>
/// <param name="Key">The contact's key in <c>config/referrals.yaml</c> (<c>meldMisdaadAnoniem</c>, <c>comensha</c>, <c>coordinator</c>).</param>
/// <param name="Example">A placeholder that must be replaced before use: pages and PDF say so next to it.</param>
public sealed record ReferralContact(string Key, string Name, string? Phone, string? Email, string? Url,
    IReadOnlyDictionary<string, string> Hours, bool Example, IReadOnlyDictionary<string, string> Texts)
{
    /// <summary>The text in <paramref name="language"/>; Dutch when the language is not one of the four.</summary>
    public string Text(string language) => Texts.TryGetValue(language, out var t) ? t : Texts[ReferralLanguages.Dutch];

    /// <summary>The hours in <paramref name="language"/>, else Dutch; null when none are configured.</summary>
    public string? HoursIn(string language) => Hours.TryGetValue(language, out var h) ? h : Hours.GetValueOrDefault(ReferralLanguages.Dutch);
}

/// <summary>The referral information of one municipality: the region's contacts with that municipality's overrides applied.</summary>
/// <param name="MunicipalityCode">The municipality asked for; null for a location without one (the region's defaults).</param>
public sealed record ReferralSet(string? MunicipalityCode, IReadOnlyList<ReferralContact> Contacts);

/// <summary>The languages of the referral texts and the fixed words around them, so page and PDF label contacts alike.</summary>
public static class ReferralLanguages
{
    public const string Dutch = "nl";

    /// <summary>Every language a referral text must have, in file order: nl, en (analysts), es, pt (the people concerned).</summary>
    public static readonly IReadOnlyList<string> All = ["nl", "en", "es", "pt"];

    /// <summary>The section heading per language.</summary>
    public static readonly IReadOnlyDictionary<string, string> Heading = new Dictionary<string, string>
    {
        ["nl"] = "Hulp en melden",
        ["en"] = "Help and reporting",
        ["es"] = "Ayuda y denuncia",
        ["pt"] = "Ajuda e denúncia",
    };

    /// <summary>The words before a phone number, e-mail address, website and hours, per language.</summary>
    public static readonly IReadOnlyDictionary<string, (string Phone, string Email, string Url, string Hours)> Labels =
        new Dictionary<string, (string, string, string, string)>
        {
            ["nl"] = ("Telefoon", "E-mail", "Website", "Bereikbaar"),
            ["en"] = ("Phone", "E-mail", "Website", "Hours"),
            ["es"] = ("Teléfono", "Correo electrónico", "Web", "Horario"),
            ["pt"] = ("Telefone", "E-mail", "Site", "Horário"),
        };

    /// <summary>What an example contact says next to its name, for the analysts (nl/en): it must be replaced before use.</summary>
    public const string ExampleWarning = "VOORBEELD — vervang in config/referrals.yaml / EXAMPLE — replace in config/referrals.yaml";

    /// <summary>The one line on emergencies, per language: it comes before every contact.</summary>
    public static readonly IReadOnlyDictionary<string, string> Emergency = new Dictionary<string, string>
    {
        ["nl"] = "Bij direct gevaar: bel 112.",
        ["en"] = "In immediate danger: call 112.",
        ["es"] = "En caso de peligro inmediato: llame al 112.",
        ["pt"] = "Em perigo imediato: ligue 112.",
    };
}
