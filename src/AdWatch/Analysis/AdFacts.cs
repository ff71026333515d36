using AdWatch.Geocoding;

namespace AdWatch.Analysis;

/// <summary>An ad prepared for linking: days cut at the as-of day, usable phones only, one name, one text hash.</summary>
internal sealed class AdFacts
{
    public required int Index { get; init; }
    public required long Id { get; init; }
    public required VersionFacts[] Versions { get; init; }
    public required long[] Phones { get; init; }
    public required string? Name { get; init; }
    public required ulong[] Images { get; init; }
    public required ulong? Text { get; init; }
    public required string[] Indicators { get; init; }

    public required int FirstDay { get; init; }

    public required int LastDay { get; init; }

    /// <summary>The site the ad is on, if known.</summary>
    public string? Site { get; init; }

    /// <summary>A name read in the ad but set aside as the site's own wording, with on how many of the site's ads it was read.</summary>
    public (string Name, int Ads)? BoilerplateName { get; init; }

    public static AdFacts? From(int index, InputAd ad, int asOfDay, AnalysisInput input, BoilerplateNames? boilerplate = null)
    {
        var versions = new List<VersionFacts>(ad.Versions.Count);
        foreach (var v in ad.Versions)
        {
            var days = v.Days.Length > 0 && v.Days[^1] <= asOfDay ? v.Days : v.Days.Where(d => d <= asOfDay).ToArray();
            if (days.Length > 0)
            {
                versions.Add(new VersionFacts(v, days, LocationPlaces(v, input)));
            }
        }
        if (versions.Count == 0)
        {
            return null;
        }
        (string, int)? dropped = null;
        string? Name(string? name)
        {
            if (boilerplate?.AdsWith(ad.Site, name) is > 0 and var count)
            {
                dropped ??= (name!, count);
                return null;
            }
            return name;
        }
        if (versions.Count == 1)
        {
            var only = versions[0];
            return new AdFacts
            {
                Index = index, Id = ad.Id, Versions = [only],
                // One number written twice in an ad is one phone.
                Phones = Usable([.. only.Version.PhoneIds.Distinct().Order()], input),
                Name = Name(only.Version.Name),
                Site = ad.Site,
                BoilerplateName = dropped,
                Images = Array.FindAll(only.Version.ImageHashes, h => h is not 0 and not ulong.MaxValue),
                Text = only.Version.TextHash,
                Indicators = only.Version.Indicators,
                FirstDay = only.Days[0],
                LastDay = only.Days[^1],
            };
        }
        // The latest version speaks for the ad's text; the most frequent name across versions for its name.
        var latest = versions.OrderBy(v => v.Days[^1]).ThenBy(v => v.Version.Id).Last().Version;
        return new AdFacts
        {
            Index = index,
            Id = ad.Id,
            Versions = [.. versions],
            Phones = Usable([.. versions.SelectMany(v => v.Version.PhoneIds).Distinct().Order()], input),
            Name = versions.Select(v => Name(v.Version.Name)).OfType<string>().GroupBy(n => n, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault(),
            // 0 and all-ones are what a blank or failed image hashes to; they say nothing about the photo.
            Images = [.. versions.SelectMany(v => v.Version.ImageHashes).Where(h => h is not 0 and not ulong.MaxValue).Distinct().Order()],
            Text = latest.TextHash ?? versions.Select(v => v.Version.TextHash).LastOrDefault(h => h is not null),
            Indicators = [.. versions.SelectMany(v => v.Version.Indicators).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            FirstDay = versions.Min(v => v.Days[0]),
            LastDay = versions.Max(v => v.Days[^1]),
            Site = ad.Site,
            BoilerplateName = dropped,
        };
    }

    private static long[] Usable(long[] phones, AnalysisInput input) =>
        Array.FindAll(phones, p => input.Phones.TryGetValue(p, out var phone) && phone.Usable);

    /// <summary>
    /// The places of a version that form locations. When the ad gives both the full address and its postcode or street,
    /// only the address counts, so one house does not become three locations.
    /// </summary>
    private static long[] LocationPlaces(InputVersion v, AnalysisInput input)
    {
        if (v.PlaceIds.Length == 0)
        {
            return [];
        }
        if (v.PlaceIds.Length == 1)
        {
            return input.Places.TryGetValue(v.PlaceIds[0], out var single) && single.FormsLocation ? v.PlaceIds : [];
        }
        var places = v.PlaceIds.Select(id => input.Places.GetValueOrDefault(id)).OfType<InputPlace>().Where(p => p.FormsLocation).ToList();
        var addresses = places.Where(p => p.Place.Precision == GeoPrecision.Address).Select(p => p.Place).ToList();
        return [.. places.Where(p => p.Place.Precision == GeoPrecision.Address
                || (p.Place.Precision == GeoPrecision.Postcode && !addresses.Any(a => a.Postcode == p.Place.Postcode))
                || (p.Place.Precision == GeoPrecision.Street
                    && !addresses.Any(a => string.Equals(a.Street, p.Place.Street, StringComparison.OrdinalIgnoreCase))))
            .Select(p => p.Id).Order()];
    }
}

/// <summary>A version's days up to the as-of day and the places of it that form locations.</summary>
internal sealed record VersionFacts(InputVersion Version, int[] Days, long[] LocationPlaceIds);
