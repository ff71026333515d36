using System.Globalization;

namespace AdWatch.Extraction;

/// <summary>
/// Finds addresses, postcodes and place names in ad text (Dutch, English, Spanish, Portuguese; emoji and odd Unicode
/// folded away) and joins adjacent parts: "Harderwijkerweg 12, Ermelo" is one address in Ermelo. Never throws on
/// hostile text; linear time (non-backtracking regexes, one token pass).
/// </summary>
public sealed class AddressExtractor
{
    private readonly Gazetteer _gazetteer;
    private readonly AddressPlaceScanner _scanner;

    internal AddressExtractor(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _scanner = new AddressPlaceScanner(gazetteer);
    }

    /// <summary>An extractor for a region (CLI tools, tests); loads the gazetteer, which takes some milliseconds.</summary>
    public static AddressExtractor ForRegion(RegionOptions region) => new(Gazetteer.Load(region));

    /// <summary>The region lexicon the mentions refer to; geocoding reads it too.</summary>
    internal Gazetteer Gazetteer => _gazetteer;

    /// <summary>A postcode; <see cref="Number"/> is a house number named right after it ("pc 3841 AB nr 12"), <see cref="End"/> includes it.</summary>
    private sealed record PostcodeHit(int Start, int End, string Postcode, string? Number = null);

    /// <summary>
    /// Most text read for addresses: 80 windows of <see cref="AddressText.MaxLength"/> (5.2 million characters), more than the
    /// text of a page at the default 5 MB body budget holds. It was sixteen windows (1 MB) until the hostile corpus showed a page
    /// of 100,000 entities (1.1 million characters of text) hiding the house written after them; the time per window is linear,
    /// measured by the <c>hostile</c> benchmark.
    /// </summary>
    public const int MaxScannedLength = 80 * AddressText.MaxLength;

    /// <summary>Windows overlap by this much, so an address across a window's edge is read whole in the next one.</summary>
    private const int WindowOverlap = 1024;

    private static readonly char[] Spaces = [' ', '\n', '\r', '\t', '\u00A0'];

    /// <summary>
    /// The addresses an ad names. A text longer than one window is read in overlapping windows up to
    /// <see cref="MaxScannedLength"/>: padding (kilobytes of filler, often in a hidden element) must not push the address out
    /// of what is read — cutting at the first window let "64 KB of lorem ipsum, then the address" hide a house from analysis.
    /// </summary>
    public IReadOnlyList<AddressMention> Extract(string? input)
    {
        if (input is null || input.Length <= AddressText.MaxLength)
        {
            return ExtractWindow(input);
        }
        var found = new List<AddressMention>();
        var seen = new HashSet<(int, string)>();
        var end = Math.Min(input.Length, MaxScannedLength);
        var start = 0;
        while (start < end)
        {
            // A window ends and starts at white space, so no word or house number is cut ("14" read as "1").
            var stop = Math.Min(end, start + AddressText.MaxLength);
            if (stop < end)
            {
                var space = input.LastIndexOfAny(Spaces, stop - 1, WindowOverlap / 2);
                stop = space > start ? space : stop;
            }
            foreach (var m in ExtractWindow(input[start..stop]))
            {
                var placed = m with { Start = m.Start + start };
                if (seen.Add((placed.Start, placed.Raw)))
                {
                    found.Add(placed);
                }
            }
            if (stop >= end)
            {
                break;
            }
            var next = stop - WindowOverlap;
            var after = input.IndexOfAny(Spaces, next, WindowOverlap / 2);
            start = after >= 0 ? after + 1 : next;
        }
        return found;
    }

    private IReadOnlyList<AddressMention> ExtractWindow(string? input)
    {
        var text = AddressText.Prepare(input);
        if (text.Tokens.Count == 0)
        {
            return [];
        }
        var (streets, streetCandidates) = AddressStreetParser.Find(text);
        var blocked = new bool[text.Folded.Length + 1];
        Block(blocked, streets.Select(s => (s.Start, s.End)));
        var postcodes = FindPostcodes(text, blocked, streets);
        Block(blocked, postcodes.Select(p => (p.Start, p.End)));
        var hits = _scanner.Scan(text, pos => blocked[pos]);
        ConfirmByAdjacency(text, hits, streets, postcodes);
        hits.RemoveAll(h => !h.Confirmed);
        // "Garderen, vlakbij Putten", "Nunspeet (10 min van Harderwijk)": a point of reference is not where the ad is, once
        // the ad names where it is.
        if (hits.Any(h => !h.Reference) || streets.Count > 0 || postcodes.Count > 0)
        {
            hits.RemoveAll(h => h.Reference);
        }
        ChooseCandidates(hits, postcodes);
        var hitsByStart = new Dictionary<int, AddressPlaceScanner.Hit>();
        foreach (var hit in hits)
        {
            hitsByStart.TryAdd(hit.Start, hit);
        }
        // "Harderwijkerweg, Ermelo": a street without number is a street when a place follows it.
        var named = streetCandidates
            .Where(c => hitsByStart.TryGetValue(AddressGap.Next(text, c.End, joinWords: true), out var h) && h.Qualifier == PlaceQualifier.None);
        streets = [.. streets.Concat(named).OrderBy(s => s.Start)];
        return Combine(text, streets, postcodes, hits);
    }

    private static void Block(bool[] blocked, IEnumerable<(int Start, int End)> spans)
    {
        foreach (var (start, end) in spans)
        {
            Array.Fill(blocked, true, start, end - start);
        }
    }

    /// <summary>
    /// Postcodes, with or without space or hyphen. Letters that are an everyday word ("3882 mg", "3842 ja") or written in lower
    /// case need the postcode to exist and context to show it is one: a label ("pc", "postcode"), a house number after it
    /// ("nr 12"), a street with number right before it, or its own town right after it.
    /// </summary>
    private List<PostcodeHit> FindPostcodes(AddressText text, bool[] blocked, List<AddressStreetParser.Hit> streets)
    {
        var found = new List<PostcodeHit>();
        foreach (var match in AddressPatterns.Postcode.EnumerateMatches(text.Folded))
        {
            if (blocked[match.Index])
            {
                continue;
            }
            var raw = text.Folded.AsSpan(match.Index, match.Length);
            var digits = raw[..4].ToString();
            var letters = raw[^2..].ToString();
            if (AddressPatterns.UnusedPostcodeLetters.Contains(letters))
            {
                continue;
            }
            var postcode = digits + letters.ToUpperInvariant();
            var end = match.Index + match.Length;
            var originalLetters = text.Original.AsSpan(end - 2, 2);
            var upper = char.IsUpper(originalLetters[0]) && char.IsUpper(originalLetters[1]);
            var spaced = match.Length > 6;
            var pc6 = _gazetteer.FindPc6(postcode);
            var known4 = _gazetteer.FindPc4(digits) is not null;
            var number = AddressStreetParser.NumberAfter(text, end);
            var start = match.Index;
            var context = number is not null || LabelBefore(text, start)
                || streets.Exists(s => s.Number is not null && AddressGap.Next(text, s.End, joinWords: true) == start)
                || (pc6 is not null && TownFollows(text, end, pc6));
            var accept = AddressPatterns.CommonPostcodeLetters.Contains(letters)
                ? pc6 is not null && (upper || context)
                : pc6 is not null || upper || (!spaced && known4) || (context && known4);
            if (accept)
            {
                found.Add(number is { } n
                    ? new PostcodeHit(match.Index, n.End, postcode, AddressNormalizer.HouseNumber(n.Number, n.Addition))
                    : new PostcodeHit(match.Index, end, postcode));
            }
        }
        return found;
    }

    /// <summary>"pc 3841 AB", "postcode: 3841AB", "código postal 3841 AB".</summary>
    private static bool LabelBefore(AddressText text, int start)
    {
        var i = start;
        while (i > 0 && start - i < 4 && text.Folded[i - 1] is ' ' or ':' or '.' or '-')
        {
            i--;
        }
        var wordEnd = i;
        while (i > 0 && char.IsLetter(text.Folded[i - 1]))
        {
            i--;
        }
        return wordEnd > i && AddressPatterns.PostcodeLabels.Contains(text.Folded[i..wordEnd]);
    }

    /// <summary>Whether the postcode's own town (or municipality) follows it: "3882 mg Putten".</summary>
    private bool TownFollows(AddressText text, int end, PostcodePoint point)
    {
        var i = AddressGap.Next(text, end);
        if (i < 0)
        {
            return false;
        }
        foreach (var name in new[] { point.Place, _gazetteer.MunicipalityName(point.MunicipalityCode) })
        {
            if (name is null)
            {
                continue;
            }
            var folded = AddressText.FoldName(name);
            if (text.Folded.AsSpan(i).StartsWith(folded, StringComparison.Ordinal)
                && (i + folded.Length == text.Folded.Length || !char.IsLetterOrDigit(text.Folded[i + folded.Length])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An everyday-word name written with a capital counts when it directly follows or precedes another address part.</summary>
    private static void ConfirmByAdjacency(AddressText text, List<AddressPlaceScanner.Hit> hits, List<AddressStreetParser.Hit> streets, List<PostcodeHit> postcodes)
    {
        var starts = new HashSet<int>();
        var ends = new HashSet<int>();
        foreach (var (start, end) in streets.Select(s => (s.Start, s.End)).Concat(postcodes.Select(p => (p.Start, p.End)))
                     .Concat(hits.Where(h => h.Confirmed).Select(h => (h.Start, h.End))))
        {
            starts.Add(start);
            ends.Add(end);
        }
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (!hit.Confirmed && (ends.Contains(AddressGap.Previous(text, hit.Start)) || starts.Contains(AddressGap.Next(text, hit.End))
                    || (i > 0 && hits[i - 1].Confirmed && AlternativeGap(text, hits[i - 1].End, hit.Start))
                    || (i + 1 < hits.Count && hits[i + 1].Confirmed && AlternativeGap(text, hit.End, hits[i + 1].Start))))
            {
                hits[i] = hit with { Confirmed = true };
            }
        }
    }

    /// <summary>Ambiguous names take the candidate in a municipality the ad names elsewhere, else the most important kind.</summary>
    private void ChooseCandidates(List<AddressPlaceScanner.Hit> hits, List<PostcodeHit> postcodes)
    {
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits.Where(h => h.Candidates.Length == 1 && h.Candidates[0].MunicipalityCode is not null))
        {
            context.Add(hit.Candidates[0].MunicipalityCode!);
        }
        foreach (var p in postcodes)
        {
            if ((_gazetteer.FindPc6(p.Postcode) ?? _gazetteer.FindPc4(p.Postcode[..4]))?.MunicipalityCode is { } code)
            {
                context.Add(code);
            }
        }
        var anyInRegion = context.Any(_gazetteer.IsInRegion);
        foreach (var hit in hits.Where(h => h.Candidates.Length > 1))
        {
            hit.Chosen = hit.Candidates
                .OrderByDescending(c => (c.MunicipalityCode is not null && context.Contains(c.MunicipalityCode) ? 100 : 0)
                                        + (anyInRegion && c.InRegion ? 50 : 0) + (int)c.Kind)
                .First();
        }
    }

    /// <summary>
    /// Joins adjacent parts into one record, in any order and across one line break: "Burg. Fictiesingel 92 Harderwijk
    /// (3846ab)", "3882 mg Putten, Burg. Fictiesingel 50", "pc 3841 AB nr 12", "Bedachtstr. 165-b ⏎ 3851ph Ermelo". A record
    /// holds at most one street, one postcode and one place (a village may be followed by its own municipality); a place
    /// whose municipality differs from the postcode's starts a new record. What is left are place names, each its own mention.
    /// </summary>
    private IReadOnlyList<AddressMention> Combine(AddressText text, List<AddressStreetParser.Hit> streets, List<PostcodeHit> postcodes,
        List<AddressPlaceScanner.Hit> hits)
    {
        var parts = new List<Part>(streets.Count + postcodes.Count + hits.Count);
        parts.AddRange(streets.Select(s => new Part(s.Start, s.End, s, null, null)));
        parts.AddRange(postcodes.DistinctBy(p => p.Start).Select(p => new Part(p.Start, p.End, null, p, null)));
        parts.AddRange(hits.Select(h => new Part(h.Start, h.End, null, null, h)));
        parts.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));

        var records = new List<Record>();
        Record? current = null;
        foreach (var part in parts)
        {
            if (current is not null && part.Start >= current.End && AddressGap.Next(text, current.End, joinWords: true) == part.Start && current.Accepts(part, this))
            {
                current.Add(part);
                continue;
            }
            current = new Record(part);
            records.Add(current);
        }

        var mentions = new List<AddressMention>();
        var contextPlace = hits.FirstOrDefault(h => h.Chosen.MunicipalityCode is not null && h.Qualifier == PlaceQualifier.None)?.Chosen;
        var placeRecords = new List<Record>();
        foreach (var r in records)
        {
            if (r.Street is null && r.Postcode is null)
            {
                placeRecords.Add(r);
                continue;
            }
            var number = r.Street?.Number is { } n ? AddressNormalizer.HouseNumber(n, r.Street.Addition) : r.Postcode?.Number;
            var kind = number is not null ? AddressMentionKind.Address : r.Street is not null ? AddressMentionKind.Street : AddressMentionKind.Postcode;
            var place = r.Places.Count > 0 ? r.Places[0].Chosen : null;
            var fromContext = place is null && r.Postcode is null && contextPlace is not null;
            mentions.Add(new AddressMention(kind, Raw(text, r.Start, r.End), r.Start, r.Street?.Street, number, r.Postcode?.Postcode,
                place ?? (r.Postcode is null ? contextPlace : null), PlaceQualifier.None, fromContext));
        }
        mentions.AddRange(Places(text, placeRecords));
        mentions.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// Place names left over: "Hierden, Harderwijk" is Hierden; "3841 Harderwijk" a PC4; places offered as alternatives in
    /// different municipalities ("tussen Harderwijk en Ermelo", "regio Ermelo/Putten", "Putten of Harderwijk") are one area
    /// with no municipality, the honest answer to "where is this ad".
    /// </summary>
    private List<AddressMention> Places(AddressText text, List<Record> records)
    {
        var mentions = new List<AddressMention>();
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            var last = i;
            while (last + 1 < records.Count && Alternative(text, records[last], records[last + 1]))
            {
                last++;
            }
            var run = records.Skip(i).Take(last - i + 1).Select(x => x.Places[0]).ToList();
            var codes = run.Select(h => h.Chosen.MunicipalityCode).Distinct().Count();
            if (last > i && codes > 1 && (run.Count > 1 && HasAlternativeWord(text, records, i, last) || CueBefore(text, run[0])))
            {
                var names = string.Join('/', run.Select(h => h.Chosen.Name));
                var area = new GazetteerPlace(names, PlaceKind.Region, null, run.All(h => h.Chosen.InRegion || _gazetteer.IsInRegion(h.Chosen.MunicipalityCode)),
                    run.Average(h => h.Chosen.Lat), run.Average(h => h.Chosen.Lon));
                mentions.Add(new AddressMention(AddressMentionKind.Place, Raw(text, run[0].Start, run[^1].End), run[0].Start, null, null, null, area,
                    PlaceQualifier.Region));
                i = last;
                continue;
            }
            var hit = r.Places[0];
            var end = r.Places[^1].End;
            var pc4 = Pc4Before(text, hit);
            mentions.Add(pc4 is not null
                ? new AddressMention(AddressMentionKind.Postcode, Raw(text, pc4.Value.Start, end), pc4.Value.Start, null, null, pc4.Value.Code, hit.Chosen, PlaceQualifier.None)
                : new AddressMention(AddressMentionKind.Place, Raw(text, hit.Start, end), hit.Start, null, null, null, hit.Chosen, hit.Qualifier));
        }
        return mentions;
    }

    /// <summary>Two place records side by side, joined by "/", "en", "of", "y", "or", "e", "ou", "și", "&amp;" or a comma.</summary>
    private static bool Alternative(AddressText text, Record a, Record b) => AlternativeGap(text, a.End, b.Start);

    private static bool AlternativeGap(AddressText text, int end, int start)
    {
        if (start < end || start - end > 8)
        {
            return false;
        }
        var gap = text.Folded.AsSpan(end, start - end).Trim();
        return gap is "/" or "&" or "+" or "|" or "," || AddressPatterns.AlternativeWords.Contains(gap.ToString());
    }

    private static bool HasAlternativeWord(AddressText text, List<Record> records, int first, int last)
    {
        for (var i = first; i < last; i++)
        {
            var gap = text.Folded.AsSpan(records[i].End, records[i + 1].Start - records[i].End).Trim();
            if (gap is not ",")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"tussen", "entre", "regio" right before the first place of a list.</summary>
    private static bool CueBefore(AddressText text, AddressPlaceScanner.Hit first) =>
        first.FirstToken > 0 && AddressPatterns.AlternativeCues.Contains(text.Token(first.FirstToken - 1).ToString());

    /// <summary>A street, postcode or place found in the text, in the order the text gives them.</summary>
    private sealed record Part(int Start, int End, AddressStreetParser.Hit? Street, PostcodeHit? Postcode, AddressPlaceScanner.Hit? Place);

    /// <summary>Adjacent parts of one address.</summary>
    private sealed class Record
    {
        public Record(Part first)
        {
            Start = first.Start;
            Add(first);
        }

        public int Start { get; }

        public int End { get; private set; }

        public AddressStreetParser.Hit? Street { get; private set; }

        public PostcodeHit? Postcode { get; private set; }

        public List<AddressPlaceScanner.Hit> Places { get; } = [];

        public void Add(Part part)
        {
            Street ??= part.Street;
            Postcode ??= part.Postcode;
            if (part.Place is not null)
            {
                Places.Add(part.Place);
            }
            End = part.End;
        }

        public bool Accepts(Part part, AddressExtractor extractor)
        {
            if (part.Street is not null)
            {
                // A street joins a postcode or place before it ("3882 MG Putten, Dorpsstraat 5"), not a second street.
                return Street is null && (Postcode is not null || Places.Count > 0 && Places[^1].Qualifier == PlaceQualifier.None);
            }
            if (part.Postcode is not null)
            {
                return Postcode is null && (Street is not null || Places.Count > 0 && Places[^1].Qualifier == PlaceQualifier.None)
                    && Places.TrueForAll(p => extractor.SameMunicipality(part.Postcode, p));
            }
            var place = part.Place!;
            if (place.Qualifier != PlaceQualifier.None)
            {
                return false;
            }
            if (Places.Count == 0)
            {
                return (Street is not null || Postcode is not null) && (Postcode is null || extractor.SameMunicipality(Postcode, place));
            }
            // "Hierden, Harderwijk" / "Horst (Ermelo)": the municipality after a smaller place only confirms it.
            var before = Places[^1];
            return Places.Count == 1 && place.Chosen.Kind >= PlaceKind.Town && place.Chosen.MunicipalityCode == before.Chosen.MunicipalityCode
                && before.Chosen.Kind < place.Chosen.Kind;
        }
    }

    /// <summary>Whether a postcode and a place name lie in one municipality (true when either is unknown).</summary>
    private bool SameMunicipality(PostcodeHit postcode, AddressPlaceScanner.Hit place)
    {
        var code = (_gazetteer.FindPc6(postcode.Postcode) ?? _gazetteer.FindPc4(postcode.Postcode[..4]))?.MunicipalityCode;
        return code is null || place.Chosen.MunicipalityCode is null || code == place.Chosen.MunicipalityCode;
    }

    /// <summary>"3841 Harderwijk": a PC4 right before the place it belongs to.</summary>
    private (int Start, string Code)? Pc4Before(AddressText text, AddressPlaceScanner.Hit hit)
    {
        if (hit.FirstToken == 0 || hit.Qualifier != PlaceQualifier.None)
        {
            return null;
        }
        var (start, end) = text.Tokens[hit.FirstToken - 1];
        var token = text.Folded.AsSpan(start, end - start);
        if (token.Length != 4 || token[0] == '0' || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            || hit.Start - end > 2 || (start > 0 && char.IsDigit(text.Folded[start - 1])))
        {
            return null;
        }
        var pc4 = _gazetteer.FindPc4(token.ToString());
        return pc4 is not null && (pc4.MunicipalityCode == hit.Chosen.MunicipalityCode
            || AddressText.FoldName(pc4.Place) == AddressText.FoldName(hit.Chosen.Name)) ? (start, pc4.Postcode) : null;
    }

    private static string Raw(AddressText text, int start, int end)
    {
        var raw = text.Original.AsSpan(start, end - start);
        // "Drielanden (Harderwijk)": keep the closing bracket of a bracketed part.
        return (end < text.Original.Length && text.Original[end] == ')' && raw.Contains('(')
            ? text.Original[start..(end + 1)] : raw.ToString()).Trim();
    }
}
