using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AdWatch.Extraction;

/// <summary>
/// The regular expressions and word lists of address extraction. Patterns run on folded text (lower case, no
/// diacritics) with <see cref="RegexOptions.NonBacktracking"/>: linear time on hostile input, so no timeouts needed.
/// </summary>
internal static class AddressPatterns
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.ExplicitCapture;

    // Words that start multi-word Dutch street names ("Burgemeester de Meesterstraat", "Oude Telgterweg").
    private const string StreetPrefix =
        "van|de|den|der|het|t|ter|ten|sint|st|burgemeester|burgem|burg|bgm|kon|gen|ds|dokter|dr|mr|meester|prof|professor|prins|prinses|koning|" +
        "koningin|graaf|generaal|kapitein|pastoor|oude|nieuwe|korte|lange|hoge|lage|grote|kleine|noord|zuid|oost|west|" +
        "eerste|tweede|derde|jan|willem|johan|hendrik|piet|karel";

    private const string StreetSuffix =
        "straat|straatje|weg|laan|plein|dreef|singel|gracht|kade|steeg|pad|dijk|markt|park|plantsoen|allee|erf|boulevard|" +
        "baan|veld|kamp|wal|haven|hof|hoven|akker|brink|poort|zoom|hoek|berg|bos|hout|rade|weide|vaart|wetering|oord|kwartier";

    // Suffix words that are whole street names on their own ("Markt 5", "Nieuwe Markt 2", "Brink 1").
    private const string StandaloneStreet = "markt|brink|plein|kade|vismarkt|boulevard";

    /// <summary>
    /// Street, then the house number; the addition is parsed by hand after the match. A shortened ending ("Stationsln",
    /// "Bedachtstr.", <see cref="AddressNormalizer.EndingPattern"/>) is group <c>abbr</c>; the parser wants a capital for it.
    /// </summary>
    public static readonly Regex Street = new(
        $@"\b(?<street>(?:(?:{StreetPrefix})[ .'’-]{{1,2}})*(?:\p{{Ll}}[\p{{Ll}}'’-]*(?:{StreetSuffix}|(?<abbr>{AddressNormalizer.EndingPattern}))|{StandaloneStreet}))" +
        @"\.?(?: ?,)?(?: |\n)?(?:(?:nr|no|n|nummer|huisnummer|numero|number|num)\.? ?|(?:n°|#) ?)?(?<nr>[1-9][0-9]{0,4})",
        Options);

    /// <summary>A house number named after a postcode: "pc 3841 AB nr 12", "postcode 3882 GR huisnummer 141/1".</summary>
    public static readonly Regex NumberLabel = new(
        @"^[ ,;:]{0,3}(?:nr|no|nummer|huisnummer|huisnr|hnr|number|numero|num)[.:]? ?(?<nr>[1-9][0-9]{0,4})",
        Options);

    /// <summary>Labels that make the next token a postcode even when its letters are an everyday word ("pc 3882 mg").</summary>
    public static readonly FrozenSet<string> PostcodeLabels = FrozenSet.ToFrozenSet(
        ["pc", "postcode", "zip", "zipcode", "cp", "cep", "codigo", "postal", "post"], StringComparer.Ordinal);

    /// <summary>A street without number, after "in de", "aan de", "op de": precision street.</summary>
    public static readonly Regex StreetOnly = new(
        $@"\b(?:in|aan|op|bij) (?:de|het) (?<street>\p{{Ll}}[\p{{Ll}}'’-]*(?:{StreetSuffix}))\b",
        Options);

    /// <summary>A single-word street name without number; counts only when a place follows ("Harderwijkerweg, Ermelo").</summary>
    public static readonly Regex StreetWord = new(
        @"\b(?<street>\p{Ll}[\p{Ll}'’-]{2,}(?:straat|weg|laan|plein|dreef|singel|gracht|kade|steeg|dijk|plantsoen|allee|boulevard))\b",
        Options);

    /// <summary>Dutch postcode: 4 digits (no leading zero), an optional space or hyphen, 2 letters.</summary>
    public static readonly Regex Postcode = new(@"\b(?<digits>[1-9][0-9]{3})(?: |-| - )?(?<letters>[a-z]{2})\b", Options);

    /// <summary>Street-like words that are not streets ("onderweg 24/7").</summary>
    public static readonly FrozenSet<string> NotStreets = FrozenSet.ToFrozenSet(
        ["onderweg", "halfweg", "snelweg", "uitweg", "zijweg", "tussenweg", "snelweg", "midweg", "verf"],
        StringComparer.Ordinal);

    /// <summary>Units after a number that make it a quantity, not a house number ("snelweg 5 min", "weg 10 km").</summary>
    public static readonly FrozenSet<string> Units = FrozenSet.ToFrozenSet(
        ["min", "mins", "minuten", "minuut", "minutes", "minutos", "km", "m", "meter", "meters", "metros", "uur", "u", "h",
         "hr", "hrs", "hour", "hours", "horas", "euro", "eur", "jaar", "years", "anos", "cm", "kg", "ml", "x", "keer", "sec",
         "procent", "pct", "p", "pp", "uurtje", "kwartier", "dagen", "days", "dias", "nachten", "nights"],
        StringComparer.Ordinal);

    /// <summary>Two-letter words and units that follow numbers in ads; as postcode letters they need stronger proof.</summary>
    public static readonly FrozenSet<string> CommonPostcodeLetters = FrozenSet.ToFrozenSet(
        ["en", "in", "op", "te", "of", "om", "al", "nu", "de", "ik", "je", "we", "ze", "is", "na", "er", "ga", "ja", "zo",
         "to", "at", "on", "an", "or", "it", "as", "by", "my", "me", "up", "no", "el", "la", "lo", "un", "es", "se", "mi",
         "tu", "da", "do", "em", "ao", "os", "um", "eu", "pm", "am", "cm", "mm", "ml", "kg", "gr", "km", "hr", "mb", "gb",
         "kb", "xl", "xs", "ok", "cc", "mg", "ct", "pk", "hp", "tv", "cd", "vs", "uk", "us", "nl", "be", "he", "hi", "so",
         "ex", "et", "id", "ie", "ii", "ps", "st", "wc", "yo", "ya", "fr", "uu", "hs", "mn", "sm", "bj", "gfe", "dp", "ff"],
        StringComparer.Ordinal);

    /// <summary>Letter pairs never used in Dutch postcodes.</summary>
    public static readonly FrozenSet<string> UnusedPostcodeLetters = FrozenSet.ToFrozenSet(["sa", "sd", "ss"], StringComparer.Ordinal);

    /// <summary>
    /// Place names that are also everyday words in Dutch, English, Spanish or Portuguese ("drie" = three, "putten uit"
    /// = to draw from, "hell", "orden", "de haven"). They count only with a locative cue ("in Drie", "omgeving Putten"),
    /// next to another address part, or as the whole text; most also need a capital letter.
    /// </summary>
    public static readonly FrozenSet<string> CommonWordNames = FrozenSet.ToFrozenSet(
        ["putten", "horst", "drie", "hoef", "hell", "norden", "de beek", "orden", "de haven", "het loo", "binnenstad",
         "welgelegen", "drift", "de akker", "de knar", "de kades", "de eilanden", "de gronden", "de burcht", "ede", "epe",
         "stroe", "lieren", "gerven", "diermen", "nulde", "kamperveen", "tonsel", "zeebuurt", "kruithuis", "weiburg",
         "veldkamp", "kranenburg", "walstein", "overveld", "strokel", "t loo", "hoog soeren", "sonnevanck", "tinnegieter",
         "de wittenhagen noord", "de wittenhagen zuid", "muziekland i", "zevenhuizen", "driehuizen", "emst",
         "staverden", "houtdorp", "berg en bos", "westenenk", "broekland", "lorentz i"],
        StringComparer.Ordinal);

    /// <summary>Common-word names that may be written in lower case when a strong cue precedes them ("in putten").</summary>
    public static readonly FrozenSet<string> LowerCaseAllowed = FrozenSet.ToFrozenSet(["putten", "horst"], StringComparer.Ordinal);

    /// <summary>Words right before a place that make it a location: prepositions in nl/en/es/pt and location labels.</summary>
    public static readonly FrozenSet<string> StrongCues = FrozenSet.ToFrozenSet(
        ["in", "bij", "nabij", "vlakbij", "omgeving", "omg", "regio", "region", "regiao", "rond", "rondom", "richting",
         "near", "around", "en", "em", "na", "no", "locatie", "location", "plaats", "woonplaats", "ubicacion", "localizacao",
         "localidad", "cidade", "ciudad", "city", "dorp", "buurtschap", "wijk", "kern", "centrum", "center", "centro",
         "omstreken", "area", "zona", "gemeente"],
        StringComparer.Ordinal);

    /// <summary>Form labels that name a place when a colon follows them ("Waar: Putten", "Where: …", "Dónde: …").</summary>
    public static readonly FrozenSet<string> LabelCues = FrozenSet.ToFrozenSet(
        ["waar", "where", "donde", "onde", "local", "lugar", "plaats", "locatie", "location", "werkgebied", "stad", "town", "ubicacion",
         "localizacao", "cidade", "ciudad", "city", "regio", "region", "area", "zona"],
        StringComparer.Ordinal);

    /// <summary>
    /// Cues that also have other meanings ("te putten", "uit", "por hora"); they need a capitalised name. With them the verbs
    /// of a visit ("Visiting Putten this weekend", "visitando Putten"), which ads write without a preposition, and "through,
    /// around" ("de paso por Putten", "pela Putten").
    /// </summary>
    public static readonly FrozenSet<string> WeakCues = FrozenSet.ToFrozenSet(
        ["te", "uit", "from", "naar", "to", "tussen", "between", "entre", "intre", "visiting", "visit", "visitando", "por", "pela", "pelo"],
        StringComparer.Ordinal);

    /// <summary>Two-word cues ending in "de/do/da/van/of": "cerca de X", "in de buurt van X", "centro de X".</summary>
    public static readonly FrozenSet<string> CueBeforeOf = FrozenSet.ToFrozenSet(
        ["cerca", "perto", "centro", "regiao", "region", "zona", "buurt", "omgeving", "alrededores", "arredores", "proximo",
         "proximidades", "area", "centre", "center", "outskirts", "buiten"],
        StringComparer.Ordinal);

    /// <summary>Words before a place that mean the area around it (precision region).</summary>
    public static readonly FrozenSet<string> RegionWords = FrozenSet.ToFrozenSet(
        ["regio", "region", "regiao", "omgeving", "omg", "omstreken", "area", "zona", "rond", "rondom", "around", "near",
         "nabij", "vlakbij", "buurt", "cerca", "perto", "alrededores", "arredores", "proximo", "proximidades", "outskirts"],
        StringComparer.Ordinal);

    /// <summary>Words before a place that name it as a point of reference, not as where the ad is ("Garderen, vlakbij Putten").</summary>
    public static readonly FrozenSet<string> ReferenceWords = FrozenSet.ToFrozenSet(
        ["near", "nabij", "vlakbij", "dichtbij", "cerca", "perto", "proximo", "proximidades", "buurt", "close", "langs", "naast", "langa", "aproape"],
        StringComparer.Ordinal);

    /// <summary>Words between two place names that offer them as alternatives: "tussen X en Y", "X/Y", "X of Y", "entre X y Y".</summary>
    public static readonly FrozenSet<string> AlternativeWords = FrozenSet.ToFrozenSet(
        ["en", "of", "or", "and", "y", "e", "ou", "o", "si", "sau", "oder"], StringComparer.Ordinal);

    /// <summary>Words before a list of places that make it one area rather than several: "tussen", "regio", "entre".</summary>
    public static readonly FrozenSet<string> AlternativeCues = FrozenSet.ToFrozenSet(
        ["tussen", "between", "entre", "intre", "regio", "region", "regiao", "omgeving", "area", "zona", "omstreken"], StringComparer.Ordinal);

    /// <summary>
    /// A province (or its usual short form) or the country written after a town: "Putten (Gelderland)", "Putten, Gld.",
    /// "Putten (Holanda)". Provinces that are also towns (Utrecht, Groningen, Zeeland) are left out: after a town they may be
    /// another place.
    /// </summary>
    public static readonly FrozenSet<string> ProvinceWords = FrozenSet.ToFrozenSet(
        ["gelderland", "gld", "gelre", "flevoland", "overijssel", "drenthe", "friesland", "fryslan", "limburg", "brabant",
         "noord-brabant", "holland", "noord-holland", "zuid-holland", "nederland", "netherlands", "holanda", "olanda",
         "holandia"], StringComparer.Ordinal);

    /// <summary>Words before or after a place that mean its centre (precision neighbourhood).</summary>
    public static readonly FrozenSet<string> CentreWords = FrozenSet.ToFrozenSet(
        ["centrum", "centre", "center", "centro", "downtown", "binnenstad"], StringComparer.Ordinal);
}
