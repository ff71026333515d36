using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace AdWatch.Web.Maps;

/// <summary>
/// The region map as server-rendered SVG: municipality outlines from the region's GeoJSON (offline, always available) in
/// a local equirectangular projection fitted to the region's own municipalities. Loaded once; thread-safe.
/// </summary>
public sealed class RegionMap
{
    public const double Width = 640;

    /// <summary>The municipality boundaries in the region data folder (the file geocoding uses too).</summary>
    public const string BoundariesFile = "veluwe_west_gemeenten_2015_cbs_generalized.geojson";
    private readonly double _minLon;
    private readonly double _maxLat;
    private readonly double _scale;
    private readonly double _cos;

    public RegionMap(IOptions<RegionOptions> region)
    {
        var folder = region.Value.ResolveDataFolder();
        var file = folder is null ? null : System.IO.Path.Combine(folder, BoundariesFile);
        var codes = region.Value.MunicipalityCodes.Count > 0 ? region.Value.MunicipalityCodes : [.. RegionOptions.VeluweWest];
        var features = new List<(string Code, string Name, bool InRegion, Geometry Shape)>();
        if (file is not null && File.Exists(file))
        {
            var json = new JsonSerializerOptions();
            json.Converters.Add(new GeoJsonConverterFactory());
            using var stream = File.OpenRead(file);
            foreach (var f in JsonSerializer.Deserialize<FeatureCollection>(stream, json) ?? [])
            {
                var code = f.Attributes["gemeentecode"]?.ToString() ?? "";
                var name = f.Attributes.Exists("gemeentenaam") ? f.Attributes["gemeentenaam"]?.ToString() ?? code : code;
                features.Add((code, name, codes.Contains(code), f.Geometry));
            }
        }
        var env = new Envelope();
        foreach (var f in features.Where(f => f.InRegion))
        {
            env.ExpandToInclude(f.Shape.EnvelopeInternal);
        }
        if (env.IsNull)
        {
            env = new Envelope(5.45, 5.75, 52.2, 52.4); // Veluwe-West, should the boundary file be missing
        }
        env.ExpandBy(env.Width * 0.04, env.Height * 0.04);
        _cos = Math.Cos(env.Centre.Y * Math.PI / 180);
        _minLon = env.MinX;
        _maxLat = env.MaxY;
        _scale = Width / (env.Width * _cos);
        Height = Math.Round(env.Height * _scale, 1);
        Shapes = [.. features.Select(f =>
        {
            var (x, y) = Project(f.Shape.InteriorPoint.Y, f.Shape.InteriorPoint.X);
            return new MapShape(f.Code, f.Name, f.InRegion, PathOf(f.Shape), x, y);
        })];
    }

    public double Height { get; }

    /// <summary>Region municipalities first (drawn last, on top), then neighbours.</summary>
    public IReadOnlyList<MapShape> Shapes { get; }

    /// <summary>The region's municipalities, by name: for filters.</summary>
    public IReadOnlyList<MapShape> Municipalities => [.. Shapes.Where(s => s.InRegion).OrderBy(s => s.Name, StringComparer.Ordinal)];

    public string NameOf(string? code) => Shapes.FirstOrDefault(s => s.Code == code)?.Name ?? code ?? "";

    public (double X, double Y) Project(double lat, double lon) =>
        (Math.Round((lon - _minLon) * _cos * _scale, 1), Math.Round((_maxLat - lat) * _scale, 1));

    /// <summary>A point on the map, or null when it lies outside the drawn area (it is then listed in text only).</summary>
    public MapPoint? Point(double? lat, double? lon, string kind, string label, long? locationId)
    {
        if (lat is not { } la || lon is not { } lo)
        {
            return null;
        }
        var (x, y) = Project(la, lo);
        return x < 0 || y < 0 || x > Width || y > Height ? null : new MapPoint(x, y, kind, label, locationId);
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private string PathOf(Geometry geometry)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon)
            {
                continue;
            }
            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var first = true;
                foreach (var c in ring.Coordinates)
                {
                    var (x, y) = Project(c.Y, c.X);
                    sb.Append(first ? 'M' : 'L').Append(Number(x)).Append(',').Append(Number(y)).Append(' ');
                    first = false;
                }
                sb.Append("Z ");
            }
        }
        return sb.ToString().TrimEnd();
    }
}
