namespace AdWatch.Review;

/// <summary>
/// The "also seen" rows of a phone as a reader expects them: one row per place. Two sites may geocode one town to two
/// place rows (one with its municipality, one without), which listed the stop twice; a district written as
/// "Lelystad-Centrum" beside "Lelystad" is the same stop too. Different towns are never merged: a district is folded only
/// into a listed town of the same municipality whose name it starts with ("Hierden" stays beside "Harderwijk"), and one
/// name in two municipalities (Hengelo) stays two rows. Ads are counted once per row, however many writings named them.
/// </summary>
internal static class PhoneSightings
{
    /// <summary>One ad's mention of one place row.</summary>
    public sealed record Mention(long? LocationId, string Label, string? MunicipalityCode, long AdId, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

    public static IReadOnlyList<DossierPhoneSighting> Merge(IEnumerable<Mention> mentions)
    {
        // Same label in the same municipality (or one of the two without one): one place.
        var rows = new List<Row>();
        foreach (var m in mentions.OrderBy(m => m.MunicipalityCode is null))
        {
            var row = rows.Find(r => string.Equals(r.Label, m.Label.Trim(), StringComparison.OrdinalIgnoreCase)
                && (r.MunicipalityCode is null || m.MunicipalityCode is null || r.MunicipalityCode == m.MunicipalityCode));
            if (row is null)
            {
                rows.Add(row = new Row(m.Label.Trim(), m.MunicipalityCode));
            }
            row.Add(m.LocationId, m.AdId, m.FirstSeen, m.LastSeen);
        }
        // A district ("Lelystad-Centrum", "Lelystad Haven") is folded into its town when that town is listed as well.
        var towns = rows.Where(r => !rows.Any(t => t != r && IsDistrictOf(r, t))).ToList();
        foreach (var district in rows.Except(towns))
        {
            towns.First(t => IsDistrictOf(district, t)).Absorb(district);
        }
        return [.. towns.OrderBy(r => r.FirstSeen).ThenBy(r => r.Label, StringComparer.Ordinal)
            .Select(r => new DossierPhoneSighting(r.LocationId, r.Label, r.MunicipalityCode, r.Ads.Count, r.FirstSeen, r.LastSeen))];
    }

    private static bool IsDistrictOf(Row district, Row town) =>
        district.MunicipalityCode is not null && district.MunicipalityCode == town.MunicipalityCode
        && !town.Label.Contains(',', StringComparison.Ordinal) // a town row, not an address
        && Geocoding.PlaceNames.IsDistrictOf(district.Label, town.Label);

    private sealed class Row(string label, string? municipalityCode)
    {
        public string Label { get; } = label;
        public string? MunicipalityCode { get; private set; } = municipalityCode;
        public long? LocationId { get; private set; }
        public HashSet<long> Ads { get; } = [];
        public DateTimeOffset FirstSeen { get; private set; } = DateTimeOffset.MaxValue;
        public DateTimeOffset LastSeen { get; private set; } = DateTimeOffset.MinValue;

        public void Add(long? locationId, long adId, DateTimeOffset first, DateTimeOffset last)
        {
            LocationId ??= locationId;
            Ads.Add(adId);
            FirstSeen = first < FirstSeen ? first : FirstSeen;
            LastSeen = last > LastSeen ? last : LastSeen;
        }

        public void Absorb(Row other)
        {
            MunicipalityCode ??= other.MunicipalityCode;
            LocationId ??= other.LocationId;
            Ads.UnionWith(other.Ads);
            FirstSeen = other.FirstSeen < FirstSeen ? other.FirstSeen : FirstSeen;
            LastSeen = other.LastSeen > LastSeen ? other.LastSeen : LastSeen;
        }
    }
}
