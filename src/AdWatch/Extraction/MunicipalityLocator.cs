using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;
using NetTopologySuite.Operation.Distance;

namespace AdWatch.Extraction;

/// <summary>
/// Point-in-polygon lookup of the municipality a WGS84 point lies in, over the generalised CBS polygons of the
/// region and its neighbours. Generalised coastlines miss new land (Harderwijk Waterfront), so a point outside every
/// polygon is given the nearest municipality when that is within <see cref="NearestWithinMetres"/>.
/// </summary>
public sealed class MunicipalityLocator
{
    /// <summary>How far a point outside every polygon may be from one and still belong to it.</summary>
    public const double NearestWithinMetres = 200;

    private const double MetresPerDegreeLat = 111_320;

    private readonly (string Code, string Name, Geometry Shape, IPreparedGeometry Prepared)[] _municipalities;
    private readonly GeometryFactory _factory = new(new PrecisionModel(), 4326);

    private MunicipalityLocator((string, string, Geometry, IPreparedGeometry)[] municipalities) => _municipalities = municipalities;

    /// <summary>The municipalities the polygons cover, each with a point guaranteed inside it.</summary>
    public IEnumerable<(string Code, string Name, double Lat, double Lon)> Municipalities =>
        _municipalities.Select(m => (m.Code, m.Name, m.Shape.InteriorPoint.Y, m.Shape.InteriorPoint.X));

    /// <summary>Reads a GeoJSON FeatureCollection whose features carry <c>gemeentecode</c> and <c>gemeentenaam</c>.</summary>
    public static MunicipalityLocator Load(string geoJsonPath)
    {
        var json = new JsonSerializerOptions();
        json.Converters.Add(new GeoJsonConverterFactory());
        using var stream = File.OpenRead(geoJsonPath);
        var features = JsonSerializer.Deserialize<FeatureCollection>(stream, json)
            ?? throw new InvalidDataException($"{geoJsonPath} is not a GeoJSON FeatureCollection.");
        var list = new List<(string, string, Geometry, IPreparedGeometry)>();
        foreach (var feature in features)
        {
            var code = feature.Attributes["gemeentecode"]?.ToString()
                ?? throw new InvalidDataException($"{geoJsonPath}: a feature lacks 'gemeentecode'.");
            var name = feature.Attributes.Exists("gemeentenaam") ? feature.Attributes["gemeentenaam"]?.ToString() ?? code : code;
            list.Add((code, name, feature.Geometry, PreparedGeometryFactory.Prepare(feature.Geometry)));
        }
        return new MunicipalityLocator([.. list]);
    }

    /// <summary>The CBS code (<c>GM0243</c>) of the municipality at the point, or null when none is near enough.</summary>
    public string? Locate(double lat, double lon)
    {
        var point = _factory.CreatePoint(new Coordinate(lon, lat));
        foreach (var m in _municipalities)
        {
            if (m.Prepared.Covers(point))
            {
                return m.Code;
            }
        }

        string? nearest = null;
        var best = NearestWithinMetres;
        foreach (var m in _municipalities)
        {
            var closest = DistanceOp.NearestPoints(m.Shape, point)[0];
            var metres = Metres(lat, lon, closest.Y, closest.X);
            if (metres <= best)
            {
                best = metres;
                nearest = m.Code;
            }
        }
        return nearest;
    }

    /// <summary>Equirectangular distance: exact enough at a few hundred metres.</summary>
    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        var dy = (lat2 - lat1) * MetresPerDegreeLat;
        var dx = (lon2 - lon1) * MetresPerDegreeLat * Math.Cos((lat1 + lat2) / 2 * Math.PI / 180);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}
