namespace AdWatch.Web.Maps;

/// <summary>A municipality outline as SVG path data in the map's coordinates; <see cref="InRegion"/> for the region's own.</summary>
public sealed record MapShape(string Code, string Name, bool InRegion, string Path, double LabelX, double LabelY);
