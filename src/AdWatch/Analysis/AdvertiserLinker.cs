namespace AdWatch.Analysis;

/// <summary>
/// Links ads into advertisers with union-find, strongest evidence first:
/// <list type="number">
/// <item>A shared usable phone joins ads — unless the ads on that phone fall into clearly different personas (different
/// names and no shared photo, or each with a phone of its own besides the shared one — a booking number next to personal
/// numbers): then the phone is an operator phone and each persona stays its own advertiser.</item>
/// <item>A shared photo (pHash within the threshold) joins ads whose phones and names do not contradict (one side has none, or
/// they share one that is not an operator phone).</item>
/// <item>Near-duplicate text joins ads whose phones and names do not contradict. Different phones or names with the same photo
/// or template are a same-room or same-template signal: they tie ads to a location (see <see cref="StayBuilder"/>), not to one person.</item>
/// <item>A phone change: the same name plus a shared photo or text on different phones joins the two clusters when they were
/// never online on the same day (one woman with a new number; at the same time it is two women, or an agency template).</item>
/// <item>The same name at the same address with no gap beyond the gap tolerance joins ads whose phones do not contradict.</item>
/// </list>
/// A name alone, anywhere, never joins ads (too many Lunas); it separates personas and blocks template merges. Ads left with
/// only an operator's booking number are marked: they are evidence about the operator, never an advertiser.
/// </summary>
internal sealed class AdvertiserLinker(AnalysisOptions options)
{
    private const int MaxPersonaComparisons = 300;

    public LinkResult Link(IReadOnlyList<AdFacts> ads, SharedHashes shared)
    {
        var n = ads.Count;
        var uf = new UnionFind(n);
        var kinds = new string[n];
        Array.Fill(kinds, "self");
        var phones = new List<long>?[n];
        var names = new HashSet<string>?[n];
        // The days each cluster's numbers were advertised, as the (first, last) day of each of its ads that shows a number: a phone
        // change needs two clusters whose numbers were never online on the same day. An ad without a number (a cross-post on a
        // site that hides it) joined by its photo shows neither number, so its days do not count.
        var spans = new List<(int First, int Last)>?[n];
        for (var i = 0; i < n; i++)
        {
            phones[i] = [.. ads[i].Phones];
            names[i] = ads[i].Name is { } name ? [name] : null;
            spans[i] = ads[i].Phones.Length > 0 ? [(ads[i].FirstDay, ads[i].LastDay)] : [];
        }
        var changes = new List<PhoneChange>();
        var deferred = new List<(int A, int B, string Kind)>();

        // Operator phones are known after step 1; later steps must not treat sharing one as "the same person".
        var operatorPhones = new SortedSet<long>();

        bool Join(int a, int b, string kind, bool force, bool checkNames)
        {
            var ra = uf.Find(a);
            var rb = uf.Find(b);
            if (ra == rb)
            {
                return false;
            }
            if (!force && (!Compatible(phones[ra]!, phones[rb]!, operatorPhones) || (checkNames && names[ra] is { } na && names[rb] is { } nb && !na.Overlaps(nb))))
            {
                return false;
            }
            var root = uf.Union(ra, rb);
            var other = root == ra ? rb : ra;
            phones[root] = [.. phones[root]!.Union(phones[other]!).Order()];
            phones[other] = null;
            spans[root]!.AddRange(spans[other]!);
            spans[other] = null;
            if (names[other] is { } moved)
            {
                (names[root] ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(moved);
                names[other] = null;
            }
            if (kinds[a] == "self")
            {
                kinds[a] = kind;
            }
            if (kinds[b] == "self")
            {
                kinds[b] = kind;
            }
            return true;
        }

        // 1. Phones.
        foreach (var (phone, members) in Group(ads, a => a.Phones))
        {
            if (members.Count < 2)
            {
                continue;
            }
            var personas = HasTwoNames(ads, members) || HasTwoOwnPhones(ads, members, phone) ? Personas(ads, members, phone) : [];
            if (personas.Count(g => g.Named) >= 2)
            {
                operatorPhones.Add(phone);
                foreach (var group in personas)
                {
                    for (var i = 1; i < group.Members.Count; i++)
                    {
                        Join(group.Members[0], group.Members[i], "phone", force: true, checkNames: false);
                    }
                }
            }
            else
            {
                for (var i = 1; i < members.Count; i++)
                {
                    Join(members[0], members[i], "phone", force: true, checkNames: false);
                }
            }
        }

        // 2. Photos, then 3. text: closest pairs first, so a chain of weak matches cannot outvote a close one.
        foreach (var (_, a, b) in Candidates(ads, x => x.Images, shared.Images, options.ImageHammingThreshold))
        {
            // Same photo, different names: the same room, not the same person.
            if (!Join(a, b, "image", force: false, checkNames: true) && uf.Find(a) != uf.Find(b))
            {
                deferred.Add((a, b, "image"));
            }
        }
        foreach (var (_, a, b) in Candidates(ads, x => x.Text is { } t ? [t] : [], shared.Texts, options.TextHammingThreshold))
        {
            if (!Join(a, b, "text", force: false, checkNames: true) && uf.Find(a) != uf.Find(b))
            {
                deferred.Add((a, b, "text"));
            }
        }

        // A phone change: the same name plus the same photo or text on two phones that were never active on the same day is one
        // woman who changed her number. Active together it is two women (or an agency's template), and a name alone never joins.
        foreach (var (a, b, kind) in deferred)
        {
            var ra = uf.Find(a);
            var rb = uf.Find(b);
            if (ra == rb || names[ra] is not { } na || names[rb] is not { } nb || !na.Overlaps(nb))
            {
                continue;
            }
            var own = phones[ra]!.Where(p => !operatorPhones.Contains(p)).ToList();
            var other = phones[rb]!.Where(p => !operatorPhones.Contains(p)).ToList();
            if (own.Count == 0 || other.Count == 0 || own.Intersect(other).Any() || Overlap(spans[ra]!, spans[rb]!))
            {
                continue;
            }
            var (earlier, later, from, to) = spans[ra]!.Min(x => x.First) <= spans[rb]!.Min(x => x.First) ? (ra, rb, own, other) : (rb, ra, other, own);
            changes.Add(new PhoneChange(a, from, to, spans[earlier]!.Max(x => x.Last), spans[later]!.Min(x => x.First), kind,
                na.Intersect(nb).Order(StringComparer.Ordinal).First()));
            Join(a, b, "phone-change", force: true, checkNames: false);
        }

        // 4. Name: the same name at the same address, back to back (new photos, new text, no phone to tie them). Without this a
        // woman who re-posts daily without a phone would count as several advertisers and fake a rotation.
        var byPlaceAndName = Comparer<(long Place, string Name)>.Create((x, y) =>
            x.Place != y.Place ? x.Place.CompareTo(y.Place) : string.CompareOrdinal(x.Name, y.Name));
        foreach (var (_, members) in Group(ads, x => x.Name is { } name
                     ? x.Versions.SelectMany(v => v.LocationPlaceIds).Distinct().Select(p => (p, name)) : [], byPlaceAndName))
        {
            var ordered = members.OrderBy(i => ads[i].FirstDay).ThenBy(i => i).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ads[ordered[i]].FirstDay - ads[ordered[i - 1]].LastDay - 1 <= options.GapToleranceDays)
                {
                    Join(ordered[i - 1], ordered[i], "name", force: false, checkNames: true);
                }
            }
        }

        var roots = new int[n];
        for (var i = 0; i < n; i++)
        {
            roots[i] = uf.Find(i);
        }
        // Ads that carry only an operator's booking number (no name, no phone of their own) and that no photo or text tied to a
        // persona: evidence about the operator, not an advertiser of their own.
        var operatorOnly = new HashSet<int>();
        if (operatorPhones.Count > 0)
        {
            for (var i = 0; i < n; i++)
            {
                if (roots[i] == i && names[i] is null && phones[i]!.Count > 0 && phones[i]!.All(operatorPhones.Contains))
                {
                    operatorOnly.Add(i);
                }
            }
        }
        return new LinkResult(roots, kinds, operatorPhones, [.. changes.Select(c => c with { Ad = roots[c.Ad] })], operatorOnly);
    }

    /// <summary>Some ad of one cluster was online on a day some ad of the other was.</summary>
    private static bool Overlap(List<(int First, int Last)> a, List<(int First, int Last)> b)
    {
        if (a.Count * b.Count <= 64)
        {
            return a.Any(x => b.Any(y => x.First <= y.Last && y.First <= x.Last));
        }
        var sa = a.OrderBy(x => x.First).ToList();
        var sb = b.OrderBy(x => x.First).ToList();
        for (int i = 0, j = 0; i < sa.Count && j < sb.Count;)
        {
            if (sa[i].First <= sb[j].Last && sb[j].First <= sa[i].Last)
            {
                return true;
            }
            if (sa[i].Last < sb[j].Last)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return false;
    }

    private static bool HasTwoNames(IReadOnlyList<AdFacts> ads, List<int> members)
    {
        string? first = null;
        foreach (var i in members)
        {
            if (ads[i].Name is { } name)
            {
                if (first is null)
                {
                    first = name;
                }
                else if (!string.Equals(first, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Phones do not contradict: one side has none of its own, or they share one that is not an operator's.</summary>
    private static bool Compatible(List<long> a, List<long> b, SortedSet<long> operators)
    {
        var own = a.Where(p => !operators.Contains(p)).ToList();
        var other = b.Where(p => !operators.Contains(p)).ToList();
        return own.Count == 0 || other.Count == 0 || own.Intersect(other).Any();
    }

    private static SortedDictionary<T, List<int>> Group<T>(IReadOnlyList<AdFacts> ads, Func<AdFacts, IEnumerable<T>> keys,
        IComparer<T>? comparer = null)
        where T : notnull
    {
        var groups = new SortedDictionary<T, List<int>>(comparer ?? Comparer<T>.Default);
        foreach (var ad in ads)
        {
            foreach (var key in keys(ad))
            {
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }
                list.Add(ad.Index);
            }
        }
        return groups;
    }

    /// <summary>
    /// Splits the ads of one phone into personas: same name or a shared photo is one persona — unless the two ads each carry a
    /// phone of their own and those differ (a shared interior photo does not make two workers one person). A persona counts as
    /// distinct when it is named or has its own phone.
    /// </summary>
    private List<(bool Named, List<int> Members)> Personas(IReadOnlyList<AdFacts> ads, List<int> members, long shared)
    {
        var local = new UnionFind(members.Count);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            if (ads[members[i]].Name is { } name && !firstByName.TryAdd(name, i)
                && !OwnPhonesDiffer(ads[members[firstByName[name]]], ads[members[i]], shared))
            {
                local.Union(firstByName[name], i);
            }
        }
        if (members.Count <= MaxPersonaComparisons)
        {
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    if (SharePhoto(ads[members[i]], ads[members[j]]) && !OwnPhonesDiffer(ads[members[i]], ads[members[j]], shared))
                    {
                        local.Union(i, j);
                    }
                }
            }
        }
        return [.. Enumerable.Range(0, members.Count).GroupBy(local.Find).OrderBy(g => g.Key)
            .Select(g => (g.Any(i => ads[members[i]].Name is not null || ads[members[i]].Phones.Any(p => p != shared)),
                g.Select(i => members[i]).ToList()))];
    }

    /// <summary>Both ads carry a phone besides <paramref name="shared"/>, and none of those is common to both.</summary>
    private static bool OwnPhonesDiffer(AdFacts a, AdFacts b, long shared)
    {
        var own = a.Phones.Where(p => p != shared).ToList();
        var other = b.Phones.Where(p => p != shared).ToList();
        return own.Count > 0 && other.Count > 0 && !own.Intersect(other).Any();
    }

    private static bool HasTwoOwnPhones(IReadOnlyList<AdFacts> ads, List<int> members, long shared) =>
        members.SelectMany(i => ads[i].Phones.Where(p => p != shared)).Distinct().Skip(1).Any();

    private bool SharePhoto(AdFacts a, AdFacts b)
    {
        foreach (var x in a.Images)
        {
            foreach (var y in b.Images)
            {
                if (HammingIndex.Distance(x, y) <= options.ImageHammingThreshold)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Pairs of ads with equal or near hashes, closest first; stock photos and boilerplate texts (<paramref name="shared"/>) are skipped.</summary>
    private static List<(int Distance, int A, int B)> Candidates(IReadOnlyList<AdFacts> ads, Func<AdFacts, IEnumerable<ulong>> hashes,
        HashSet<ulong> shared, int threshold)
    {
        var byHash = Group(ads, x => hashes(x).Where(h => !shared.Contains(h)));
        var index = new HammingIndex(byHash.Keys, threshold);
        var pairs = new List<(int, int, int)>();
        foreach (var (hash, members) in byHash)
        {
            for (var i = 1; i < members.Count; i++)
            {
                pairs.Add((0, members[0], members[i]));
            }
            foreach (var near in index.Near(hash))
            {
                if (near > hash)
                {
                    var d = HammingIndex.Distance(hash, near);
                    foreach (var a in members)
                    {
                        foreach (var b in byHash[near])
                        {
                            pairs.Add((d, a, b));
                        }
                    }
                }
            }
        }
        pairs.Sort();
        return pairs;
    }
}

/// <summary>
/// Per ad (by index): the root of its advertiser and how it was linked; the phones found to be operator phones; the phone changes
/// joined (by root); and the roots of clusters that carry only an operator's booking number.
/// </summary>
internal sealed record LinkResult(int[] Roots, string[] Kinds, IReadOnlySet<long> OperatorPhones, IReadOnlyList<PhoneChange> PhoneChanges,
    IReadOnlySet<int> OperatorOnlyRoots);

/// <summary>
/// One woman moving from her phones <paramref name="From"/> (active until <paramref name="FromLastDay"/>) to <paramref name="To"/>
/// (from <paramref name="ToFirstDay"/>), joined because name <paramref name="Name"/> and a photo or text (<paramref name="Evidence"/>:
/// <c>image</c> or <c>text</c>) agree. <paramref name="Ad"/> is an ad index, the cluster root once linking is done.
/// </summary>
internal sealed record PhoneChange(int Ad, IReadOnlyList<long> From, IReadOnlyList<long> To, int FromLastDay, int ToFirstDay, string Evidence, string Name);
