namespace AdWatch.Extraction;

/// <summary>What an address mention names, most precise first.</summary>
public enum AddressMentionKind
{
    /// <summary>Street and house number, with postcode and/or place when the ad gives them.</summary>
    Address,
    /// <summary>A street without house number ("in de Stationsstraat, Putten").</summary>
    Street,
    /// <summary>A PC6 (<c>3841AB</c>) or a PC4 written before its place (<c>3841 Harderwijk</c>).</summary>
    Postcode,
    /// <summary>A town, village, hamlet, neighbourhood or region name.</summary>
    Place,
}

/// <summary>How a place name was qualified in the text.</summary>
public enum PlaceQualifier
{
    None,
    /// <summary>"regio X", "omgeving X", "X e.o.", "near X", "cerca de X": the area around X.</summary>
    Region,
    /// <summary>"X-centrum", "centrum X", "centro de X": the centre of X.</summary>
    Centre,
}

/// <summary>
/// One address or place mention found in ad text, before geocoding. <see cref="Raw"/> is cut from the cleaned text;
/// <see cref="Street"/> is display-cased; <see cref="Postcode"/> is <c>3841AB</c> or <c>3841</c>.
/// <see cref="PlaceFromContext"/> says the place was not written next to the street but elsewhere in the ad.
/// </summary>
public sealed record AddressMention(
    AddressMentionKind Kind,
    string Raw,
    int Start,
    string? Street,
    string? HouseNumber,
    string? Postcode,
    GazetteerPlace? Place,
    PlaceQualifier Qualifier,
    bool PlaceFromContext = false);
