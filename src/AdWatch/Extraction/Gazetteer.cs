using System.Collections.Frozen;

namespace AdWatch.Extraction;

/// <summary>
/// The offline gazetteer: place and neighbourhood names, PC6 and PC4 centroids and municipality polygons of one region
/// and its surroundings, loaded once from <see cref="RegionOptions.DataFolder"/>. Immutable and thread-safe; lookups
/// take folded text spans and do not allocate.
/// </summary>
internal sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerPlace[]>.AlternateLookup<ReadOnlySpan<char>> _names;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstWords;
    private readonly FrozenDictionary<string, PostcodePoint> _pc6;
    private readonly FrozenDictionary<string, PostcodePoint> _pc4;
    private readonly FrozenDictionary<string, string> _municipalityNames;

    public Gazetteer(
        string regionName,
        IEnumerable<string> regionCodes,
        Dictionary<string, GazetteerPlace[]> names,
        IReadOnlyDictionary<string, PostcodePoint> pc6,
        IReadOnlyDictionary<string, PostcodePoint> pc4,
        IReadOnlyDictionary<string, string> municipalityNames,
        MunicipalityLocator locator)
    {
        RegionName = regionName;
        RegionCodes = regionCodes.ToFrozenSet(StringComparer.Ordinal);
        _names = names.GetAlternateLookup<ReadOnlySpan<char>>();
        NameCount = names.Count;
        MaxNameWords = names.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        var firstWords = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in names.Keys)
        {
            var words = key.Split(' ');
            firstWords[words[0]] = Math.Max(firstWords.GetValueOrDefault(words[0]), words.Length);
        }
        _firstWords = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _pc6 = pc6.ToFrozenDictionary(StringComparer.Ordinal);
        _pc4 = pc4.ToFrozenDictionary(StringComparer.Ordinal);
        _municipalityNames = municipalityNames.ToFrozenDictionary(StringComparer.Ordinal);
        Locator = locator;
    }

    public string RegionName { get; }

    public FrozenSet<string> RegionCodes { get; }

    public MunicipalityLocator Locator { get; }

    /// <summary>Longest name in words, bounding the n-grams the extractor tries.</summary>
    public int MaxNameWords { get; }

    public int NameCount { get; }

    public int Pc6Count => _pc6.Count;

    public bool IsInRegion(string? municipalityCode) => municipalityCode is not null && RegionCodes.Contains(municipalityCode);

    /// <summary>How many words the longest name starting with this folded word has; 0 when no name starts with it.</summary>
    public int WordsStartingWith(ReadOnlySpan<char> foldedWord) => _firstWords.TryGetValue(foldedWord, out var n) ? n : 0;

    /// <summary>Places named by a folded name (lower case, no diacritics, words joined by one space); ambiguous names give several.</summary>
    public bool TryFindName(ReadOnlySpan<char> foldedName, out GazetteerPlace[] places) =>
        _names.TryGetValue(foldedName, out places!);

    /// <summary>A PC6 like <c>3841AB</c> (upper case, no space).</summary>
    public PostcodePoint? FindPc6(string postcode) => _pc6.GetValueOrDefault(postcode);

    /// <summary>A PC4 like <c>3841</c>.</summary>
    public PostcodePoint? FindPc4(string pc4) => _pc4.GetValueOrDefault(pc4);

    public string? MunicipalityName(string? code) => code is null ? null : _municipalityNames.GetValueOrDefault(code);

    /// <summary>Loads the region folder; fails with the file name when data is missing or malformed.</summary>
    public static Gazetteer Load(RegionOptions options)
    {
        var folder = options.ResolveDataFolder()
            ?? throw new DirectoryNotFoundException($"Region:DataFolder '{options.DataFolder}' does not exist.");
        var codes = options.MunicipalityCodes.Count > 0 ? options.MunicipalityCodes : [.. RegionOptions.VeluweWest];
        return GazetteerLoader.Load(folder, options.Name, codes);
    }
}
