namespace AdWatch.Web.Maps;

/// <summary>A point drawn on the map: <see cref="Kind"/> is <c>main</c> (the location) or <c>linked</c>; text is encoded by Razor.</summary>
public sealed record MapPoint(double X, double Y, string Kind, string Label, long? LocationId);
