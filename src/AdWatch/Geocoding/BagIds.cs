using System.Globalization;

namespace AdWatch.Geocoding;

/// <summary>
/// What a BAG object id says about itself, and where a person can look it up. A BAG id is 16 digits: the municipality
/// (4), the object type (2: 01 verblijfsobject, 02 ligplaats, 03 standplaats, 10 pand, 20 nummeraanduiding, 30 openbare
/// ruimte) and a serial number (10); so the "adresseerbaar object" PDOK returns can be named for what it is.
/// </summary>
public static class BagIds
{
    /// <summary>Kadaster's public BAG viewer; the dossier links each id there (a link only: AdWatch itself never calls it).</summary>
    public const string ViewerBase = "https://bagviewer.kadaster.nl/lvbag/bag-viewer/?objectId=";

    /// <summary>The object type the id's type digits name (<c>verblijfsobject</c>, <c>ligplaats</c>, …), or <c>object</c>.</summary>
    public static string KindOf(string id) => id.Length == 16 ? id.Substring(4, 2) switch
    {
        "01" => "verblijfsobject",
        "02" => "ligplaats",
        "03" => "standplaats",
        "10" => "pand",
        "20" => "nummeraanduiding",
        "30" => "openbare ruimte",
        _ => "object",
    } : "object";

    /// <summary>The id's page in the BAG viewer.</summary>
    public static Uri ViewerUrl(string id) => new(ViewerBase + Uri.EscapeDataString(id), UriKind.Absolute);

    /// <summary>"BAG nummeraanduiding 0243200000012345": the id as the dossier names it.</summary>
    public static string Label(string id) => string.Create(CultureInfo.InvariantCulture, $"BAG {KindOf(id)} {id}");
}
