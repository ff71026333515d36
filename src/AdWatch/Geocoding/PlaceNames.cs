namespace AdWatch.Geocoding;

/// <summary>How place names written in ads relate to each other, where a reader would call two of them one stop.</summary>
public static class PlaceNames
{
    /// <summary>
    /// <paramref name="district"/> names a part of <paramref name="town"/>: the town's name followed by '-' or ' ' and more
    /// ("Lelystad-Centrum", "Lelystad Haven" of "Lelystad"). Names alone: callers check that both lie in one municipality,
    /// since "Bergen op Zoom" is not part of "Bergen".
    /// </summary>
    public static bool IsDistrictOf(string district, string town) =>
        district.Length > town.Length + 1 && district.StartsWith(town, StringComparison.OrdinalIgnoreCase) && district[town.Length] is '-' or ' ';
}
