using System.Globalization;

namespace AdWatch.DemoSites.Scenario;

/// <summary>Seeded generator behind <see cref="DemoScenario.Generate"/>; one <see cref="Random"/> so output depends on the seed only.</summary>
internal sealed class DemoScenarioGenerator(int seed, DateOnly startDate, int days)
{
    private static readonly DemoPhoneStyle[] PhoneStyles = Enum.GetValues<DemoPhoneStyle>();
    private readonly Random _random = new(seed);

    public (IReadOnlyList<DemoAdvertiser> Advertisers, IReadOnlyList<DemoAd> Ads) Generate(int adCount)
    {
        var advertisers = new DemoAdvertiser[Math.Max(1, adCount / 3)];
        for (var i = 0; i < advertisers.Length; i++) advertisers[i] = NewAdvertiser(i);

        var ads = new DemoAd[adCount];
        for (var i = 0; i < adCount; i++) ads[i] = NewAd(i, advertisers[_random.Next(advertisers.Length)]);

        // Lantaarn memberships come from a second stream so adding the third site changed nothing the other two serve.
        var lantaarn = new Random(unchecked(seed * 31 + 14));
        for (var i = 0; i < ads.Length; i++)
        {
            if (lantaarn.NextDouble() < 0.25) ads[i] = WithSite(ads[i], DemoSiteKind.Lantaarn);
        }
        return (advertisers, ads);
    }

    private DemoAdvertiser NewAdvertiser(int index)
    {
        var id = $"adv-{index:D5}";
        var phone = "+316" + _random.Next(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
        var images = Enumerable.Range(1, _random.Next(2, 5)).Select(k => $"{id}-p{k}").ToArray();
        return new DemoAdvertiser(id, Pick(DemoTextBank.Names), phone, Pick(DemoTextBank.Roles), images);
    }

    private DemoAd NewAd(int index, DemoAdvertiser advertiser)
    {
        var first = startDate.AddDays(_random.Next(days));
        var length = advertiser.Role switch
        {
            "home-worker" or "club" => _random.Next(20, 90),
            "touring" => _random.Next(2, 7),
            _ => _random.Next(1, 15),
        };
        var ranges = new List<DemoDateRange> { new(first, first.AddDays(length - 1)) };
        if (_random.NextDouble() < 0.2)
        {
            var back = ranges[0].Last.AddDays(_random.Next(3, 21));
            ranges.Add(new DemoDateRange(back, back.AddDays(_random.Next(1, 6))));
        }

        var roll = _random.NextDouble();
        DemoSiteKind[] sites = roll < 0.55 ? [DemoSiteKind.Kontaktbord]
            : roll < 0.8 ? [DemoSiteKind.Nachtlicht]
            : [DemoSiteKind.Kontaktbord, DemoSiteKind.Nachtlicht];

        var town = advertiser.Role == "noise" ? DemoTextBank.Towns[_random.Next(3, DemoTextBank.Towns.Length)] : Pick(DemoTextBank.Towns);
        var address = NewAddress(town);
        var versions = new List<DemoAdVersion> { NewVersion(first, first, advertiser, town.Town, address) };
        var span = ranges[^1].Last.DayNumber - first.DayNumber;
        if (span >= 2 && _random.NextDouble() < 0.5)
        {
            var changeDay = first.AddDays(_random.Next(1, span + 1));
            // A change is either a repost ("bump": new posted date) or an edit that keeps the posted date.
            var posted = _random.NextDouble() < 0.5 ? changeDay : first;
            versions.Add(NewVersion(changeDay, posted, advertiser, town.Town, address));
        }

        var expiry = _random.NextDouble() < 0.5 ? DemoExpiryStyle.Gone : DemoExpiryStyle.ExpiredPage;
        return new DemoAd($"ad-{index:D6}", advertiser.Id, sites, ranges, versions, expiry);
    }

    private string NewAddress((string Town, int PostcodeFrom, int PostcodeTo) town)
    {
        var letters = $"{(char)('A' + _random.Next(26))}{(char)('B' + _random.Next(24))}";
        var postcode = _random.Next(town.PostcodeFrom, town.PostcodeTo + 1).ToString(CultureInfo.InvariantCulture);
        return $"{Pick(DemoTextBank.Streets)} {_random.Next(1, 120)}, {postcode} {letters} {town.Town}";
    }

    private DemoAdVersion NewVersion(DateOnly from, DateOnly posted, DemoAdvertiser advertiser, string town, string address)
    {
        var age = _random.Next(21, 36).ToString(CultureInfo.InvariantCulture);
        string Fill(string template, string phone = "") => template
            .Replace("{name}", advertiser.Name, StringComparison.Ordinal)
            .Replace("{age}", age, StringComparison.Ordinal)
            .Replace("{origin}", Pick(DemoTextBank.Origins), StringComparison.Ordinal)
            .Replace("{city}", town, StringComparison.Ordinal)
            .Replace("{phone}", phone, StringComparison.Ordinal);

        var (location, city) = advertiser.Role switch
        {
            "escort" => ((string?)null, (string?)null),
            "home-worker" or "club" => (address, town),
            _ => _random.Next(4) switch
            {
                0 => (address, town),
                1 => (address.Split(", ")[0] + " " + town, town),
                2 => ($"regio {town}", town),
                _ => ((string?)null, town),
            },
        };
        var phone = DemoPhoneWriter.Write(advertiser.PhoneE164, Pick(PhoneStyles));
        var paragraphs = new List<string> { Fill(Pick(DemoTextBank.Openings)), Pick(DemoTextBank.Middles) };
        if (_random.NextDouble() < 0.4) paragraphs.Add(Fill(Pick(DemoTextBank.PhoneLeadIns), phone));
        var images = advertiser.ImageIds.Where(_ => _random.NextDouble() < 0.7).DefaultIfEmpty(advertiser.ImageIds[0]).ToArray();
        return new DemoAdVersion(from, Fill(Pick(DemoTextBank.TitleTemplates)), string.Join("\n\n", paragraphs),
            location, city, phone, advertiser.PhoneE164, posted, images);
    }

    private static DemoAd WithSite(DemoAd ad, DemoSiteKind site) =>
        new(ad.Id, ad.AdvertiserId, [.. ad.Sites, site], ad.Active, ad.Versions, ad.Expiry);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
