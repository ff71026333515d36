namespace AdWatch.Extraction;

/// <summary>
/// Finds gazetteer names in prepared text: at each token the longest name wins ("Horst aan de Maas" before "Horst"),
/// tokens inside a street or postcode match are skipped ("Harderwijkerweg" never yields Harderwijk), and
/// everyday-word names need a cue (<see cref="AddressPatterns.CommonWordNames"/>).
/// </summary>
internal sealed class AddressPlaceScanner(Gazetteer gazetteer)
{
    /// <summary>A name found in the text: token range, candidates, qualifier and whether context already confirmed it.</summary>
    internal sealed record Hit(int FirstToken, int LastToken, int Start, int End, GazetteerPlace[] Candidates, PlaceQualifier Qualifier, bool Confirmed)
    {
        public GazetteerPlace Chosen { get; set; } = Candidates[0];

        /// <summary>Named as a point of reference ("vlakbij Putten", "cerca de Harderwijk", "10 min van Ermelo"), not as where the ad is.</summary>
        public bool Reference { get; init; }
    }

    public List<Hit> Scan(AddressText text, Func<int, bool> blocked)
    {
        var tokens = text.Tokens;
        var joined = new char[text.Folded.Length + tokens.Count];
        var offsets = new int[tokens.Count];
        var length = 0;
        for (var t = 0; t < tokens.Count; t++)
        {
            if (t > 0)
            {
                joined[length++] = ' ';
            }
            offsets[t] = length;
            text.Token(t).CopyTo(joined.AsSpan(length));
            length += tokens[t].End - tokens[t].Start;
        }

        var hits = new List<Hit>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (blocked(tokens[i].Start) || char.IsDigit(text.Folded[tokens[i].Start]))
            {
                continue;
            }
            var maxWords = Math.Min(gazetteer.WordsStartingWith(text.Token(i)), tokens.Count - i);
            for (var n = maxWords; n >= 1; n--)
            {
                var last = i + n - 1;
                if (!Contiguous(text, i, last) || blocked(tokens[last].Start))
                {
                    continue;
                }
                var key = joined.AsSpan(offsets[i], offsets[last] + (tokens[last].End - tokens[last].Start) - offsets[i]);
                if (!gazetteer.TryFindName(key, out var places))
                {
                    continue;
                }
                var hit = Qualify(text, i, last, places, key.ToString());
                if (hit is not null)
                {
                    hits.Add(hit);
                    i = hit.LastToken;
                }
                break;
            }
        }
        return hits;
    }

    private static Hit? Qualify(AddressText text, int first, int last, GazetteerPlace[] places, string name)
    {
        var tokens = text.Tokens;
        var prev = first > 0 ? text.Token(first - 1).ToString() : "";
        var prev2 = first > 1 ? text.Token(first - 2).ToString() : "";
        var next = last + 1 < tokens.Count ? text.Token(last + 1).ToString() : "";
        var next2 = last + 2 < tokens.Count ? text.Token(last + 2).ToString() : "";

        var ofCue = prev is "de" or "do" or "da" or "van" or "of" or "a" && AddressPatterns.CueBeforeOf.Contains(prev2);
        var strong = AddressPatterns.StrongCues.Contains(prev) || ofCue
            || (next is "e" && next2 is "o") || AddressPatterns.CentreWords.Contains(next);
        var weak = AddressPatterns.WeakCues.Contains(prev);
        var capital = char.IsUpper(text.Original[tokens[first].Start]);
        var whole = first == 0 && last == tokens.Count - 1;

        var confirmed = true;
        if (AddressPatterns.CommonWordNames.Contains(name) || name.Length <= 3)
        {
            if (next == "uit")
            {
                return null; // "putten uit ervaring": the verb, even after a cue
            }
            confirmed = whole
                || (capital && (strong || weak || SetOff(text, first, last, prev)))
                || (strong && AddressPatterns.LowerCaseAllowed.Contains(name));
            if (!confirmed && !capital)
            {
                return null; // lower case without a cue cannot be confirmed later either
            }
        }

        var qualifier = PlaceQualifier.None;
        var start = tokens[first].Start;
        var end = tokens[last].End;
        if (AddressPatterns.RegionWords.Contains(prev) || (ofCue && AddressPatterns.RegionWords.Contains(prev2)))
        {
            qualifier = PlaceQualifier.Region;
            start = tokens[first - (ofCue ? 2 : 1)].Start;
        }
        else if (next is "e" && next2 is "o")
        {
            qualifier = PlaceQualifier.Region; // "Harderwijk e.o." = en omstreken
            end = tokens[last + 2].End + (tokens[last + 2].End < text.Original.Length && text.Original[tokens[last + 2].End] == '.' ? 1 : 0);
            last += 2;
        }
        else if (AddressPatterns.CentreWords.Contains(next) && places[0].Kind != PlaceKind.Neighbourhood)
        {
            qualifier = PlaceQualifier.Centre;
            end = tokens[last + 1].End;
            last += 1;
        }
        else if (AddressPatterns.CentreWords.Contains(prev) || (ofCue && AddressPatterns.CentreWords.Contains(prev2)))
        {
            qualifier = PlaceQualifier.Centre;
            start = tokens[first - (ofCue ? 2 : 1)].Start;
        }
        var prev3 = first > 2 ? text.Token(first - 3) : default;
        var reference = AddressPatterns.ReferenceWords.Contains(prev) || (ofCue && AddressPatterns.ReferenceWords.Contains(prev2))
            || (prev is "van" or "de" or "from" or "of" or "da" or "do" or "a" && AddressPatterns.Units.Contains(prev2)
                && prev3.Length > 0 && char.IsDigit(prev3[0]));
        return new Hit(first, last, start, end, places, qualifier, confirmed) { Reference = reference };
    }

    /// <summary>
    /// Ads set a place off the way a form field or a title does: after a label and a colon ("Waar: Putten", "Where: …",
    /// "Dónde: …"), in brackets ("Sofia (Putten)"), alone on its line, as the last item after a separator ("Sofia, 25 jaar, Putten",
    /// "Sofia - Putten", "25 | Putten | privé"), before its province ("Putten (Gelderland)"), or in capitals closing an
    /// all-capitals title ("SOFIA 25 JAAR PUTTEN").
    /// A capitalised everyday word set off like this is the place; the verb ("waar putten we kracht uit") never is.
    /// </summary>
    private static bool SetOff(AddressText text, int first, int last, string prev)
    {
        var tokens = text.Tokens;
        var before = text.Folded.AsSpan(first > 0 ? tokens[first - 1].End : 0, tokens[first].Start - (first > 0 ? tokens[first - 1].End : 0));
        var afterEnd = last + 1 < tokens.Count ? tokens[last + 1].Start : text.Folded.Length;
        var after = text.Folded.AsSpan(tokens[last].End, afterEnd - tokens[last].End);
        var atEnd = last + 1 == tokens.Count;
        if (before.Contains(':') && AddressPatterns.LabelCues.Contains(prev))
        {
            return true;
        }
        if (before.TrimEnd().EndsWith("(") && after.TrimStart().StartsWith(")")
            || before.TrimEnd().EndsWith("[") && after.TrimStart().StartsWith("]"))
        {
            return true;
        }
        if (last + 1 < tokens.Count && AddressPatterns.ProvinceWords.Contains(text.Token(last + 1).ToString()))
        {
            return true; // the province after it: "Putten (Gelderland)", "Putten, Gld."
        }
        if ((first == 0 || before.Contains('\n')) && (atEnd || after.Contains('\n')))
        {
            return true; // the name alone on its line ("PUTTEN", "Putten")
        }
        if (first > 0 && before.ContainsAny(",|-–—/") && (atEnd || after.ContainsAny(",|-–—/!\n")))
        {
            return true;
        }
        var span = text.Original.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
        return atEnd && first > 0 && !span.ContainsAnyInRange('a', 'z') && IsAllCapitals(text.Original.AsSpan(0, tokens[last].End));
    }

    private static bool IsAllCapitals(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Words of one name may be split by spaces, hyphens, apostrophes or brackets, not by a sentence.</summary>
    private static bool Contiguous(AddressText text, int first, int last)
    {
        for (var t = first; t < last; t++)
        {
            var gap = text.Folded.AsSpan(text.Tokens[t].End, text.Tokens[t + 1].Start - text.Tokens[t].End);
            if (gap.Length > 3 || gap.ContainsAny(".,;:!?\n/|"))
            {
                return false;
            }
        }
        return true;
    }
}
