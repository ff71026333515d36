using System.Globalization;

namespace AdWatch.Web.Maps;

/// <summary>
/// The optional street basemap around one point: the 3×3 Web-Mercator tiles of <see cref="Zoom"/> around it and the point's
/// pixel position in that 768×768 block. Built only when <c>Dashboard:TileUrl</c> is set; the page puts it in an inert
/// <c>&lt;template&gt;</c>, so tiles are fetched only when an analyst asks for them (the offline SVG map always works).
/// </summary>
public sealed record StreetTiles(IReadOnlyList<StreetTiles.Tile> Tiles, double PointX, double PointY)
{
    public const int Zoom = 16;
    public const int Size = 256;

    public sealed record Tile(string Url, int X, int Y);

    public static StreetTiles? Around(string? template, double? lat, double? lon)
    {
        if (string.IsNullOrWhiteSpace(template) || lat is not { } la || lon is not { } lo)
        {
            return null;
        }
        var n = Math.Pow(2, Zoom);
        var x = (lo + 180) / 360 * n;
        var rad = la * Math.PI / 180;
        var y = (1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n;
        var (tx, ty) = ((int)Math.Floor(x), (int)Math.Floor(y));
        var tiles = new List<Tile>();
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var url = template.Replace("{z}", Zoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{x}", (tx + dx).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{y}", (ty + dy).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                tiles.Add(new Tile(url, (dx + 1) * Size, (dy + 1) * Size));
            }
        }
        return new StreetTiles(tiles, Math.Round((x - tx + 1) * Size, 1), Math.Round((y - ty + 1) * Size, 1));
    }
}
