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
            "Zelfde naam ({2}) en foto's, ander nummer: {0} en {1} als één adverteerder geteld (oud nummer tot {3}, nieuw vanaf {4}, nooit tegelijk actief).",
            "Same name ({2}) and photos, another number: {0} and {1} counted as one advertiser (old number until {3}, new from {4}, never active at the same time)."),
        ["phone-change/text"] = (
            "Zelfde naam ({2}) en tekst, ander nummer: {0} en {1} als één adverteerder geteld (oud nummer tot {3}, nieuw vanaf {4}, nooit tegelijk actief).",
            "Same name ({2}) and text, another number: {0} and {1} counted as one advertiser (old number until {3}, new from {4}, never active at the same time)."),
        ["operator-only"] = (
            "Alleen het boekingsnummer {0} van een tussenpersoon, zonder naam, eigen nummer of foto van een adverteerder: telt niet als adverteerder.",
            "Only the booking number {0} of an operator, without an advertiser's name, own number or photo: not counted as an advertiser."),
        ["boilerplate-name"] = (
            "'{0}' is niet als naam gebruikt: het staat op {1} advertenties van {2} (tekst van de site zelf).",
            "'{0}' was not used as a name: it is on {1} ads of {2} (the site's own wording)."),
    };

    /// <summary>Identity decisions about a location (<see cref="LocationJoin"/>); {0} ads, {1} the coarser place as the ads gave it.</summary>
    private static readonly Dictionary<string, (string Dutch, string English)> Joins = new()
    {
        ["advertiser"] = (
            "{0} advertentie(s) noemden alleen {1}; gekoppeld omdat dezelfde adverteerder ({2}) hier binnen {3} dagen adverteerde (zekerheid {4}).",
            "{0} ad(s) gave only {1}; joined because the same advertiser ({2}) advertised here within {3} days (confidence {4})."),
        ["phone"] = (
            "{0} advertentie(s) noemden alleen {1}; gekoppeld omdat telefoon {2} hier binnen {3} dagen adverteerde (zekerheid {4}).",
            "{0} ad(s) gave only {1}; joined because phone {2} advertised here within {3} days (confidence {4})."),
        ["image"] = (
            "{0} advertentie(s) noemden alleen {1}; gekoppeld omdat dezelfde foto hier binnen {3} dagen werd gebruikt (zekerheid {4}).",
            "{0} ad(s) gave only {1}; joined because the same photo was used here within {3} days (confidence {4})."),
        ["house"] = (
            "{0} advertentie(s) schreven dit huis als {1}; samengenomen omdat een postcode met huisnummer één adres is (zekerheid {2}).",
            "{0} ad(s) wrote this house as {1}; taken together because a postcode with a house number is one address (confidence {2})."),
        ["ambiguous"] = (
            "{0} advertentie(s) noemden alleen {1}; niet gekoppeld: {2} huizen komen in aanmerking ({3}).",
            "{0} ad(s) gave only {1}; not joined: {2} houses qualify ({3})."),
        ["unresolved"] = (
            "{0} advertenties zonder adres in {1} samengenomen: {2} adverteerders delen {3}.",
            "{0} ads without an address in {1} taken together: {2} advertisers share {3}."),
        ["resolution"] = (
            "{0} advertenties van {1} hier samengevoegd: een analist heeft dit adres vastgelegd (zekerheid {2}).",
            "{0} ads of {1} joined here: an analyst recorded this address (confidence {2})."),
    };

    private static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A <see cref="LocationJoin"/> with its Dutch and English sentence; <paramref name="place"/> is (Dutch, English).</summary>
    public static LocationJoin Join(string kind, bool joined, IReadOnlyList<long> ads, double confidence, (string Dutch, string English) place,
        params object[] args)
    {
        var (dutch, english) = Joins[kind];
        object[] Args(string language, string where) => [ads.Count, where, .. args.Select(a => a is (string nl, string en) ? (language == "nl" ? nl : en) : a),
            confidence.ToString("0.##", language == "nl" ? DutchCulture : CultureInfo.InvariantCulture)];
        return new LocationJoin(kind, joined, ads, confidence,
            string.Format(CultureInfo.InvariantCulture, dutch, Args("nl", place.Dutch)),
            string.Format(CultureInfo.InvariantCulture, english, Args("en", place.English)));
    }

    /// <summary>What the advertisers of an unresolved location share: (Dutch, English), e.g. "boekingsnummer +31… en foto's".</summary>
    public static (string Dutch, string English) Shared(IReadOnlyList<string> phones, bool photos)
    {
        var list = string.Join(", ", phones);
        return (phones.Count, photos) switch
        {
            (0, _) => ("foto's", "photos"),
            (1, false) => ($"boekingsnummer {list}", $"booking number {list}"),
            (_, false) => ($"boekingsnummers {list}", $"booking numbers {list}"),
            (1, true) => ($"boekingsnummer {list} en foto's", $"booking number {list} and photos"),
            _ => ($"boekingsnummers {list} en foto's", $"booking numbers {list} and photos"),
        };
    }

    /// <summary>The reason an unresolved location carries first: "adres onbekend, Harderwijk: 4 adverteerders delen …".</summary>
    public static FlagReason Unresolved(ReasonEvidence evidence, string town, int advertisers, (string Dutch, string English) shared) =>
        new("unresolved",
            string.Format(CultureInfo.InvariantCulture, "Adres onbekend, {0}: {1} adverteerders delen {2}.", town, advertisers, shared.Dutch),
            string.Format(CultureInfo.InvariantCulture, "Address unknown, {0}: {1} advertisers share {2}.", town, advertisers, shared.English),
            evidence);

    public static FlagReason Reason(string code, ReasonEvidence evidence, params object[] args) => Reason(code, code, evidence, args);

    /// <summary>
    /// A reason with code <paramref name="code"/> worded as <paramref name="wording"/> (a variant such as <c>phone-change/text</c>).
    /// An argument that is a (Dutch, English) pair is put in each sentence in its language.
    /// </summary>
    public static FlagReason Reason(string code, string wording, ReasonEvidence evidence, params object[] args)
    {
        var (dutch, english) = Table[wording];
        object[] In(bool nl) => [.. args.Select(a => a is (string d, string e) ? (nl ? d : e) : a)];
        return new FlagReason(code,
            string.Format(CultureInfo.InvariantCulture, dutch, In(nl: true)),
            string.Format(CultureInfo.InvariantCulture, english, In(nl: false)),
            evidence);
    }

    /// <summary>
    /// The readers' names of the indicator codes of <c>config/indicators.yaml</c>: a Dutch reason reads "nieuw in de stad", not
    /// "new-in-town". A code added to the lexicon without a name here is shown as its code (a test lists the shipped ones).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Dutch, string English)> IndicatorNames = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["obscured-phone"] = ("verhuld telefoonnummer", "obscured phone number"),
        ["ethnicity-named"] = ("afkomst of nationaliteit genoemd", "ethnicity or nationality named"),
        ["youth-language"] = ("taal die jeugdigheid suggereert", "language suggesting youth"),
        ["trustworthy-provider"] = ("'betrouwbare aanbieder'", "'trustworthy provider'"),
        ["always-available"] = ("altijd beschikbaar", "always available"),
        ["unprotected-services"] = ("onbeschermde diensten", "unprotected services"),
        ["new-in-town"] = ("nieuw in de stad", "new in town"),
        ["this-week-only"] = ("alleen deze week", "this week only"),
        ["no-local-language"] = ("spreekt geen Nederlands of Engels", "speaks neither Dutch nor English"),
        ["third-party-contact"] = ("een ander neemt op of regelt afspraken", "someone else answers or arranges"),
        ["movement"] = ("reisbewegingen", "movement"),
    };

    /// <summary>Indicator codes as a (Dutch, English) list of their names, in the order given.</summary>
    public static (string Dutch, string English) IndicatorList(IEnumerable<string> codes)
    {
        var names = codes.Select(c => IndicatorNames.TryGetValue(c, out var n) ? n : (c, c)).ToList();
        return (string.Join(", ", names.Select(n => n.Item1)), string.Join(", ", names.Select(n => n.Item2)));
    }
}
