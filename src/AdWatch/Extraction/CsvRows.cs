namespace AdWatch.Extraction;

/// <summary>
/// Reads the gazetteer's small, trusted CSV files (comma separated, double-quoted fields with <c>""</c> escapes) as
/// dictionaries keyed by header. A missing file is an error that names it.
/// </summary>
internal static class CsvRows
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> Read(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Region data file '{file}' is missing from {folder} (see its ATTRIBUTION.md).", path);
        }
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() is { } h ? Split(h) : [];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var fields = Split(line);
            var row = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < fields.Count ? fields[i] : "";
            }
            yield return row;
        }
    }

    public static double? Number(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var text) && double.TryParse(text, System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
