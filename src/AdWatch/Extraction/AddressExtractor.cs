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

    private sealed record PostcodeHit(int Start, int End, string Postcode);

    public IReadOnlyList<AddressMention> Extract(string? input)
    {
        var text = AddressText.Prepare(input);
        if (text.Tokens.Count == 0)
        {
            return [];
        }
        var streets = AddressStreetParser.Find(text);
        var blocked = new bool[text.Folded.Length + 1];
        Block(blocked, streets.Select(s => (s.Start, s.End)));
        var postcodes = FindPostcodes(text, blocked);
        Block(blocked, postcodes.Select(p => (p.Start, p.End)));
        var hits = _scanner.Scan(text, pos => blocked[pos]);
        ConfirmByAdjacency(text, hits, streets, postcodes);
        hits.RemoveAll(h => !h.Confirmed);
        ChooseCandidates(hits, postcodes);
        var hitsByStart = new Dictionary<int, AddressPlaceScanner.Hit>();
        foreach (var hit in hits)
        {
            hitsByStart.TryAdd(hit.Start, hit);
        }
        // "Harderwijkerweg, Ermelo": a street without number is a street when a place follows it.
        var named = AddressStreetParser.FindCandidates(text, streets)
            .Where(c => hitsByStart.TryGetValue(AddressGap.Next(text, c.End, joinWords: true), out var h) && h.Qualifier == PlaceQualifier.None);
        streets = [.. streets.Concat(named).OrderBy(s => s.Start)];
        return Combine(text, streets, postcodes, hits, hitsByStart);
    }

    private static void Block(bool[] blocked, IEnumerable<(int Start, int End)> spans)
    {
        foreach (var (start, end) in spans)
        {
            Array.Fill(blocked, true, start, end - start);
        }
    }

    private List<PostcodeHit> FindPostcodes(AddressText text, bool[] blocked)
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
            var originalLetters = text.Original.AsSpan(match.Index + match.Length - 2, 2);
            var upper = char.IsUpper(originalLetters[0]) && char.IsUpper(originalLetters[1]);
            var spaced = match.Length == 7;
            var known6 = _gazetteer.FindPc6(postcode) is not null;
            var known4 = _gazetteer.FindPc4(digits) is not null;
            var accept = AddressPatterns.CommonPostcodeLetters.Contains(letters)
                ? upper && known6
                : known6 || upper || (!spaced && known4);
            if (accept)
            {
                found.Add(new PostcodeHit(match.Index, match.Index + match.Length, postcode));
            }
        }
        return found;
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
            if (!hit.Confirmed && (ends.Contains(AddressGap.Previous(text, hit.Start)) || starts.Contains(AddressGap.Next(text, hit.End))))
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

    private IReadOnlyList<AddressMention> Combine(AddressText text, List<AddressStreetParser.Hit> streets, List<PostcodeHit> postcodes,
        List<AddressPlaceScanner.Hit> hits, Dictionary<int, AddressPlaceScanner.Hit> hitsByStart)
    {
        var mentions = new List<AddressMention>();
        var postcodesByStart = postcodes.DistinctBy(p => p.Start).ToDictionary(p => p.Start);
        var hitsByEnd = new Dictionary<int, AddressPlaceScanner.Hit>();
        foreach (var hit in hits)
        {
            hitsByEnd.TryAdd(hit.End, hit);
        }
        var usedPostcodes = new HashSet<PostcodeHit>(ReferenceEqualityComparer.Instance);
        var usedHits = new HashSet<AddressPlaceScanner.Hit>(ReferenceEqualityComparer.Instance);
        var contextPlace = hits.FirstOrDefault(h => h.Chosen.MunicipalityCode is not null && h.Qualifier != PlaceQualifier.Region)?.Chosen;

        foreach (var street in streets)
        {
            var end = street.End;
            if (postcodesByStart.TryGetValue(AddressGap.Next(text, end, joinWords: true), out var postcode) && usedPostcodes.Add(postcode))
            {
                end = postcode.End;
            }
            else
            {
                postcode = null;
            }
            if (hitsByStart.TryGetValue(AddressGap.Next(text, end, joinWords: true), out var place) && usedHits.Add(place))
            {
                end = place.End;
            }
            else
            {
                place = null;
            }
            mentions.Add(new AddressMention(
                street.Number is null ? AddressMentionKind.Street : AddressMentionKind.Address,
                Raw(text, street.Start, end), street.Start, street.Street, street.Number is null ? null : street.Number + street.Addition,
                postcode?.Postcode, place?.Chosen ?? contextPlace, PlaceQualifier.None, place is null && contextPlace is not null));
        }
        foreach (var postcode in postcodes.Where(p => !usedPostcodes.Contains(p)))
        {
            // "3841 AB Harderwijk", and the less usual "Harderwijk 3841 AB"
            var place = Free(hitsByStart, AddressGap.Next(text, postcode.End)) ?? Free(hitsByEnd, AddressGap.Previous(text, postcode.Start));
            if (place is not null)
            {
                usedHits.Add(place);
            }
            var start = Math.Min(postcode.Start, place?.Start ?? int.MaxValue);
            mentions.Add(new AddressMention(AddressMentionKind.Postcode, Raw(text, start, Math.Max(postcode.End, place?.End ?? 0)),
                start, null, null, postcode.Postcode, place?.Chosen, PlaceQualifier.None));
        }
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            if (usedHits.Contains(hit))
            {
                continue;
            }
            var end = hit.End;
            // "Hierden, Harderwijk" / "Horst (Ermelo)": the municipality after a smaller place only confirms it.
            if (i + 1 < hits.Count && hits[i + 1] is var after && !usedHits.Contains(after)
                && after.Chosen.Kind >= PlaceKind.Town && after.Chosen.MunicipalityCode == hit.Chosen.MunicipalityCode
                && hit.Chosen.Kind < after.Chosen.Kind && AddressGap.Next(text, hit.End) == after.Start)
            {
                usedHits.Add(after);
                end = after.End;
            }
            var pc4 = Pc4Before(text, hit);
            mentions.Add(pc4 is not null
                ? new AddressMention(AddressMentionKind.Postcode, Raw(text, pc4.Value.Start, end), pc4.Value.Start, null, null, pc4.Value.Code, hit.Chosen, PlaceQualifier.None)
                : new AddressMention(AddressMentionKind.Place, Raw(text, hit.Start, end), hit.Start, null, null, null, hit.Chosen, hit.Qualifier));
        }
        mentions.Sort((a, b) => a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Start.CompareTo(b.Start));
        return mentions;

        AddressPlaceScanner.Hit? Free(Dictionary<int, AddressPlaceScanner.Hit> byPosition, int position) =>
            byPosition.TryGetValue(position, out var hit) && hit.Qualifier == PlaceQualifier.None && !usedHits.Contains(hit) ? hit : null;
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
