using System.Globalization;

namespace AdWatch.Analysis;

/// <summary>
/// The wording of flag reasons, Dutch first (the municipality's language), English alongside. Kept in one table so a
/// reviewer of the wording sees every sentence at once; placeholders are filled with invariant formatting.
/// </summary>
internal static class ReasonTexts
{
    private static readonly Dictionary<string, (string Dutch, string English)> Table = new()
    {
        ["rotation"] = (
            "{0} verschillende adverteerders verbleven hier kort (hooguit {1} dagen) binnen {2} dagen.",
            "{0} different advertisers stayed here briefly (at most {1} days) within {2} days."),
        ["short-stays"] = (
            "{0} korte verblijven tussen {1} en {2}.",
            "{0} short stays between {1} and {2}."),
        ["turnover"] = (
            "{0} keer kwam binnen {1} dagen na een vertrek een andere adverteerder.",
            "{0} times a different advertiser arrived within {1} days of a departure."),
        ["touring"] = (
            "{0} van de {1} adverteerders werden binnen {2} dagen ook elders gezien ({3}).",
            "{0} of the {1} advertisers were also seen elsewhere within {2} days ({3})."),
        ["operator"] = (
            "Telefoonnummer {0} staat achter {1} verschillende adverteerders (namen en foto's verschillen): een mogelijke tussenpersoon.",
            "Phone {0} is behind {1} different advertisers (different names and photos): a possible operator."),
        ["indicators"] = (
            "{0} van de {1} advertenties bevatten signalen: {2}.",
            "{0} of the {1} ads contain indicators: {2}."),

        // Identity decisions about one advertiser (ResultAdvertiser.Identity), shown with the advertiser in the dossier.
        ["phone-change/image"] = (
            "Nummer gewijzigd: {0} → {1}, zelfde naam ({2}) en foto's, niet tegelijk actief (oud nummer tot {3}, nieuw vanaf {4}).",
            "Number changed: {0} → {1}, same name ({2}) and photos, never active at the same time (old number until {3}, new from {4})."),
        ["phone-change/text"] = (
            "Nummer gewijzigd: {0} → {1}, zelfde naam ({2}) en tekst, niet tegelijk actief (oud nummer tot {3}, nieuw vanaf {4}).",
            "Number changed: {0} → {1}, same name ({2}) and text, never active at the same time (old number until {3}, new from {4})."),
        ["operator-only"] = (
            "Alleen het boekingsnummer {0} van een tussenpersoon, zonder naam, eigen nummer of foto van een adverteerder: telt niet als adverteerder.",
            "Only the booking number {0} of an operator, without an advertiser's name, own number or photo: not counted as an advertiser."),
        ["boilerplate-name"] = (
            "'{0}' is niet als naam gebruikt: het staat op {1} advertenties van {2} (tekst van de site zelf).",
            "'{0}' was not used as a name: it is on {1} ads of {2} (the site's own wording)."),
    };

    public static FlagReason Reason(string code, ReasonEvidence evidence, params object[] args) => Reason(code, code, evidence, args);

    /// <summary>A reason with code <paramref name="code"/> worded as <paramref name="wording"/> (a variant such as <c>phone-change/text</c>).</summary>
    public static FlagReason Reason(string code, string wording, ReasonEvidence evidence, params object[] args)
    {
        var (dutch, english) = Table[wording];
        return new FlagReason(code,
            string.Format(CultureInfo.InvariantCulture, dutch, args),
            string.Format(CultureInfo.InvariantCulture, english, args),
            evidence);
    }
}
