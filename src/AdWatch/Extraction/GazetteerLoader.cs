using System.Text.RegularExpressions;
using AdWatch.Extraction;

namespace AdWatch.Extraction;

/// <summary>
/// Builds a <see cref="Gazetteer"/> from the files described in the region folder's ATTRIBUTION.md. Sources are read
/// best first; a later source never replaces a name already known in the same municipality, it only fills in
/// missing coordinates.
/// </summary>
internal static class GazetteerLoader
{
    public const string Boundaries = "veluwe_west_gemeenten_2015_cbs_generalized.geojson";

    private static readonly Regex WijkPrefix = new(@"^Wijk [0-9]+ ", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex WijkCode = new("WK[0-9]{6}", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    // CBS statistical names that are descriptions, not names anyone writes in an ad.
    private static readonly string[] GenericPrefixes = ["Verspreide huizen", "Buurt ", "Bedrijventerrein", "Buitengebied", "Bosgebied"];
    private static readonly HashSet<string> GenericNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Centrum", "Stationsomgeving", "Frankrijk", "nachthok",
    };

    public static Gazetteer Load(string folder, string regionName, IReadOnlyList<string> regionCodes)
    {
        var locator = MunicipalityLocator.Load(Path.Combine(folder, Boundaries));
        var region = new HashSet<string>(regionCodes, StringComparer.Ordinal);
        var builder = new Builder(region);

        var wijken = CsvRows.Read(folder, "cbs_wijken_2014_labelpoints_region.csv").ToList();
        LoadCuratedGazetteer(folder, builder, wijken);
        foreach (var row in CsvRows.Read(folder, "geonames_cities1000_region.csv"))
        {
            builder.Add(row["name"], PlaceKind.Town, row["admin2_gemeentecode"], CsvRows.Number(row, "lat"), CsvRows.Number(row, "lon"));
        }
        foreach (var row in CsvRows.Read(folder, "places_curated.csv"))
        {
            var kind = row["kind"] == "municipality" ? PlaceKind.Municipality : PlaceKind.Town;
            builder.Add(row["name"], kind, row["gemeentecode"], CsvRows.Number(row, "lat"), CsvRows.Number(row, "lon"));
        }
        foreach (var row in wijken.Where(r => region.Contains(r["gemeentecode"])))
        {
            builder.AddNeighbourhood(WijkPrefix.Replace(row["statnaam"], ""), row);
        }
        foreach (var row in CsvRows.Read(folder, "cbs_buurten_2014_labelpoints_region.csv").Where(r => region.Contains(r["gemeentecode"])))
        {
            builder.AddNeighbourhood(row["statnaam"], row);
        }
        var municipalityNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name, lat, lon) in locator.Municipalities)
        {
            municipalityNames[code] = name;
            builder.Add(name, PlaceKind.Municipality, code, lat, lon);
        }
        builder.AddRegion(regionName);

        var pc6 = new Dictionary<string, PostcodePoint>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(folder, "pc6_veluwe_west_geonames.csv"))
        {
            pc6[row["pc6"]] = new PostcodePoint(row["pc6"], row["place"], row["gemeentecode"], CsvRows.Number(row, "lat") ?? 0, CsvRows.Number(row, "lon") ?? 0);
        }
        var pc4 = new Dictionary<string, PostcodePoint>(StringComparer.Ordinal);
        foreach (var row in CsvRows.Read(folder, "pc4_veluwe_west_from_pc6.csv"))
        {
            pc4[row["pc4"]] = new PostcodePoint(row["pc4"], row["main_place"], row["gemeentecode"], CsvRows.Number(row, "lat_mean") ?? 0, CsvRows.Number(row, "lon_mean") ?? 0);
        }
        foreach (var row in CsvRows.Read(folder, "pc4_region_geonames.csv"))
        {
            var (lat, lon) = (CsvRows.Number(row, "lat") ?? 0, CsvRows.Number(row, "lon") ?? 0);
            var place = row["place"].Replace(" Gld", "", StringComparison.Ordinal);
            // PC4 areas outside the polygons take the municipality of their place name, when a source above knows it.
            var code = locator.Locate(lat, lon) ?? builder.CodeOf(place);
            pc4.TryAdd(row["pc4"], new PostcodePoint(row["pc4"], place, code, lat, lon));
            builder.Add(place, PlaceKind.Town, code, lat, lon);
        }
        return new Gazetteer(regionName, regionCodes, builder.Build(), pc6, pc4, municipalityNames, locator);
    }

    private static void LoadCuratedGazetteer(string folder, Builder builder, List<IReadOnlyDictionary<string, string>> wijken)
    {
        foreach (var row in CsvRows.Read(folder, "gazetteer_veluwe_west.csv"))
        {
            var kind = row["kind"] switch
            {
                var k when k.StartsWith("woonplaats", StringComparison.Ordinal) => PlaceKind.Town,
                var k when k.StartsWith("dorp", StringComparison.Ordinal) => PlaceKind.Village,
                var k when k.StartsWith("wijk", StringComparison.Ordinal) => PlaceKind.Neighbourhood,
                _ => PlaceKind.Hamlet,
            };
            var (lat, lon) = (CsvRows.Number(row, "lat"), CsvRows.Number(row, "lon"));
            if (lat is null && WijkCode.Match(row["approx_precision"]) is { Success: true } wk
                && wijken.FirstOrDefault(w => w["statcode"] == wk.Value) is { } wijk)
            {
                // The file names a CBS wijk as fallback for places without a point of their own (Drie).
                (lat, lon) = (CsvRows.Number(wijk, "lat"), CsvRows.Number(wijk, "lon"));
            }
            var codes = row["gemeentecode"].Split('|');
            for (var i = 0; i < codes.Length; i++)
            {
                // Only the first code of a straddling name (Tonsel) has coordinates here; the CBS buurt fills the others.
                builder.Add(row["name"], kind, codes[i], i == 0 ? lat : null, i == 0 ? lon : null);
                foreach (var alias in row["aliases"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    builder.Add(alias, kind, codes[i], i == 0 ? lat : null, i == 0 ? lon : null, displayName: row["name"]);
                }
            }
        }
    }

    private sealed class Builder(HashSet<string> region)
    {
        private readonly Dictionary<string, List<GazetteerPlace>> _names = new(StringComparer.Ordinal);

        public void Add(string name, PlaceKind kind, string? code, double? lat, double? lon, string? displayName = null)
        {
            var folded = AddressText.FoldName(name);
            if (folded.Length < 2)
            {
                return;
            }
            code = string.IsNullOrWhiteSpace(code) ? null : code;
            if (!_names.TryGetValue(folded, out var list))
            {
                _names[folded] = list = [];
            }
            var existing = list.FindIndex(p => p.MunicipalityCode == code);
            if (existing >= 0)
            {
                if (list[existing].Lat is null && lat is not null)
                {
                    list[existing] = list[existing] with { Lat = lat, Lon = lon };
                }
                return;
            }
            list.Add(new GazetteerPlace(displayName ?? name, kind, code, code is not null && region.Contains(code), lat, lon));
        }

        public void AddNeighbourhood(string name, IReadOnlyDictionary<string, string> row)
        {
            if (GenericNames.Contains(name) || GenericPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }
            Add(name, PlaceKind.Neighbourhood, row["gemeentecode"], CsvRows.Number(row, "lat"), CsvRows.Number(row, "lon"));
        }

        public void AddRegion(string name) =>
            _names[AddressText.FoldName(name)] = [new GazetteerPlace(name, PlaceKind.Region, null, true, null, null)];

        public string? CodeOf(string name) =>
            _names.TryGetValue(AddressText.FoldName(name), out var list) ? list.Find(p => p.MunicipalityCode is not null)?.MunicipalityCode : null;

        /// <summary>
        /// The names, and each name with "ij" also as ads write it with "y" ("Harderwyk", "Nykerk") where no name is spelled so.
        /// </summary>
        public Dictionary<string, GazetteerPlace[]> Build()
        {
            var names = _names.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
            foreach (var group in _names.Where(kv => kv.Key.Contains("ij", StringComparison.Ordinal))
                         .GroupBy(kv => kv.Key.Replace("ij", "y", StringComparison.Ordinal), StringComparer.Ordinal))
            {
                names.TryAdd(group.Key, [.. group.SelectMany(kv => kv.Value).Distinct()]);
            }
            return names;
        }
    }
}
