using System.Globalization;

namespace AdWatch.DemoSites.Scenario;

/// <summary>
/// A synthetic 2023 modelled on Harderwijk's published figures (shared/context/harderwijk-2023.txt): 4 residential
/// addresses where, in all, 15 different Latin-American advertisers each stay a few days while touring from other towns,
/// plus the noise a real region has: a licensed club with many workers, a long-stay home worker, escorts without an
/// address, town-level ads, and a rotation house just outside the region (Nunspeet).
/// </summary>
/// <remarks>
/// Every street name is invented ("Voorbeeldstraat", "Proefweg" …) so no real home is ever shown as a lead; postcodes
/// are real PC6 areas so the offline gazetteer can place them. Names, phones and photos are invented.
/// The houses' ads are on Kontaktbord (server-rendered) except two stays, <see cref="LantaarnOnlyStays"/>, seen only on Lantaarn
/// (site c), whose rule forbids an address in the ad: one woman at the second house is tied to it only by the operator's
/// booking number in her text, one at the fourth house only by the photo of its room and the town field. So the fourth house
/// is found only through Lantaarn (Kontaktbord and Nachtlicht show two advertisers there, one short of a flag), and the second
/// shows its fourth advertiser only there. About half the stays are cross-posted on Nachtlicht (JavaScript), which also
/// carries noise of its own; Lantaarn carries a few more cross-posts. Lantaarn reads the same over its JSON listing and
/// classic pages (HTTP) as in the browser, except for the numbers behind "Toon nummer".
/// </remarks>
public static class Harderwijk2023Scenario
{
    public static readonly DateOnly Start = new(2023, 1, 1);
    public const int Days = 365;

    /// <summary>The four rotation houses (ground truth the demo test checks against).</summary>
    public static readonly IReadOnlyList<string> Houses =
    [
        "Voorbeeldstraat 12, 3841 JA Harderwijk",
        "Proefweg 7, 3843 EB Harderwijk",
        "Fictielaan 33, 3844 GJ Harderwijk",
        "Demohof 5, 3846 AE Harderwijk",
    ];

    /// <summary>The licensed club: listed in config/licensed-venues.csv, so never flagged.</summary>
    public const string ClubAddress = "Verzonnenweg 2, 3848 BS Harderwijk";

    public const string HomeWorkerAddress = "Schijnpad 4, 3851 PC Ermelo";

    /// <summary>Outside Veluwe-West (Nunspeet, GM0302): a rotation house that must not be flagged.</summary>
    public const string OutsideHouse = "Nepstraat 9, 8071 AB Nunspeet";

    /// <summary>One booking number behind the four advertisers of the second house (an operator, not one advertiser).</summary>
    public const string OperatorPhone = "+31645550199";

    /// <summary>
    /// The advertiser who changes her number half-way through her stay at the third house: the same name and photos, a new ad
    /// with <see cref="NewPhone"/> a day after the old one went offline. Her two numbers are one advertiser, not a rotation.
    /// </summary>
    public const string PhoneChangerId = "hw-10";

    /// <summary>The number <see cref="PhoneChangerId"/> uses from the second half of her stay on.</summary>
    public const string NewPhone = "+31615559876";

    /// <summary>
    /// The house its advertisers write at three precisions: the full address, and in a repost only the postcode
    /// (<see cref="MixedPostcode"/>) or only the street (<see cref="MixedStreet"/>). Analysis must still see one house.
    /// </summary>
    public const int MixedPrecisionHouse = 0;

    /// <summary>The first house written as its postcode alone.</summary>
    public const string MixedPostcode = "3841 JA Harderwijk";

    /// <summary>The first house written as its street without a number.</summary>
    public const string MixedStreet = "Voorbeeldstraat, Harderwijk";

    /// <summary>
    /// The stays at the houses whose ads are only on Lantaarn, with no address (the site's rule): the second house's fourth
    /// advertiser (its booking number in her text ties the ad to the house, no photo of the house), and the fourth house's third
    /// (the photo of its room and "Plaats: Harderwijk").
    /// </summary>
    public static readonly IReadOnlyList<string> LantaarnOnlyStays = ["hw-08-b", "hw-15-b"];

    /// <summary>The words in which <see cref="LantaarnOnlyStays"/>' first ad gives the operator's booking number.</summary>
    public static readonly string BookingLine = $"Boekingen via {DemoPhoneWriter.Write(OperatorPhone, DemoPhoneStyle.Pairs)}.";

    private static readonly string[] TouringTowns = ["Zwolle", "Amersfoort", "Apeldoorn", "Utrecht", "Zeewolde", "Nijkerk", "Deventer", "Lelystad"];

    private static readonly DemoPhoneStyle[] Styles = Enum.GetValues<DemoPhoneStyle>();

    public static DemoScenario Create()
    {
        var b = new Builder();
        // (house, first day of stay, length in days): 4 + 4 + 4 + 3 = 15 advertisers, each house's stays within 90 days.
        var stays = new (int House, string First, int Length)[]
        {
            (0, "2023-02-06", 4), (0, "2023-02-20", 4), (0, "2023-03-08", 5), (0, "2023-03-27", 3),
            (1, "2023-04-17", 4), (1, "2023-05-02", 5), (1, "2023-05-22", 4), (1, "2023-05-30", 3),
            (2, "2023-07-10", 4), (2, "2023-07-24", 5), (2, "2023-08-14", 4), (2, "2023-09-04", 4),
            (3, "2023-10-02", 4), (3, "2023-10-23", 4), (3, "2023-11-13", 5),
        };
        for (var i = 0; i < stays.Length; i++)
        {
            var (house, first, length) = stays[i];
            b.Touring(i, house, DateOnly.Parse(first, CultureInfo.InvariantCulture), length);
        }
        b.Club();
        b.HomeWorker();
        b.Escorts();
        b.TownNoise();
        b.OutsideRotation();
        return DemoScenario.Create("harderwijk-2023", Start, Days, b.Advertisers, b.Ads);
    }

    /// <summary>Builds ads with a fixed seed so the scenario is the same on every machine.</summary>
    private sealed class Builder
    {
        private readonly Random _random = new(2023);
        private int _phoneSerial;

        public List<DemoAdvertiser> Advertisers { get; } = [];
        public List<DemoAd> Ads { get; } = [];

        public void Touring(int index, int house, DateOnly first, int length)
        {
            var origin = DemoTextBank.Origins[index % DemoTextBank.Origins.Length];
            var advertiser = NewAdvertiser($"hw-{index + 1:D2}", DemoTextBank.Names[index], "touring", index % 4 == 3 ? "+57" : "+31");
            var room = $"room-{house + 1}";
            var before = TouringTowns[index % TouringTowns.Length];
            var after = TouringTowns[(index + 3) % TouringTowns.Length];

            // The stop before Harderwijk, the stay at the house, the stop after: one ad each.
            DemoSiteKind[] beforeSites = index % 3 == 1 ? [DemoSiteKind.Kontaktbord, DemoSiteKind.Lantaarn] : [DemoSiteKind.Kontaktbord];
            Ads.Add(Ad($"{advertiser.Id}-a", advertiser, beforeSites, first.AddDays(-7), 4, $"regio {before}", before, origin));
            var phones = house == 1 ? $"{Phone(advertiser)} of boekingen {DemoPhoneWriter.Write(OperatorPhone, DemoPhoneStyle.Pairs)}" : null;
            DemoSiteKind[] sites = index % 2 == 0 ? [DemoSiteKind.Kontaktbord, DemoSiteKind.Nachtlicht]
                : index % 4 == 1 ? [DemoSiteKind.Kontaktbord, DemoSiteKind.Lantaarn] : [DemoSiteKind.Kontaktbord];
            var later = advertiser;
            if (advertiser.Id == PhoneChangerId)
            {
                // Half-way she takes a new number: the old ad goes offline, a day later a new ad with the new number, same name and
                // photos. The stop after Harderwijk carries the new number too.
                var half = length / 2;
                later = advertiser with { PhoneE164 = NewPhone };
                Ads.Add(Ad($"{advertiser.Id}-b", advertiser, sites, first, half, Houses[house], "Harderwijk", origin, phones, [room]));
                Ads.Add(Ad($"{advertiser.Id}-b2", later, sites, first.AddDays(half + 1), length - half - 1, Houses[house], "Harderwijk", origin,
                    null, [room]));
            }
            else if (LantaarnOnlyStays.Contains($"{advertiser.Id}-b"))
            {
                // Only on Lantaarn, which shows no address: the booking number in her text ties her to the second house, the
                // room's photo to the fourth (the house stays the ground truth in Location; Lantaarn shows the town only).
                var booking = house == 1;
                Ads.Add(Ad($"{advertiser.Id}-b", advertiser, [DemoSiteKind.Lantaarn], first, length, Houses[house], "Harderwijk", origin,
                    rooms: booking ? [] : [room], bodyTail: booking ? BookingLine : null));
            }
            else
            {
                // At the mixed-precision house the repost half-way gives the house coarser: postcode only, or street only.
                var coarse = house != MixedPrecisionHouse ? null : (index % 2 == 0 ? MixedPostcode : MixedStreet);
                Ads.Add(Ad($"{advertiser.Id}-b", advertiser, sites, first, length, Houses[house], "Harderwijk", origin, phones, [room],
                    repostLocation: coarse));
            }
            Ads.Add(Ad($"{advertiser.Id}-c", later, [index % 3 == 0 ? DemoSiteKind.Nachtlicht : DemoSiteKind.Kontaktbord],
                first.AddDays(length + 2), 4, $"{after} centrum", after, origin));
        }

        public void Club()
        {
            // Eight workers, two at a time, each back every few weeks: a rotation pattern, but a licensed venue.
            for (var w = 0; w < 8; w++)
            {
                var advertiser = NewAdvertiser($"club-{w + 1}", DemoTextBank.Names[15 + w], "club", "+31");
                var ranges = new List<DemoDateRange>();
                for (var start = Start.AddDays(w * 4); start <= Start.AddDays(Days - 6); start = start.AddDays(32))
                {
                    ranges.Add(new DemoDateRange(start, start.AddDays(4)));
                }
                var version = Version(ranges[0].First, advertiser, $"{advertiser.Name} bij Club Aurora",
                    $"Welkom bij Club Aurora, vergunde club. Vandaag aanwezig: {advertiser.Name}. Open 12:00–02:00.",
                    ClubAddress, "Harderwijk", ["club-bar", advertiser.ImageIds[0]]);
                Ads.Add(new DemoAd($"club-ad-{w + 1}", advertiser.Id, [DemoSiteKind.Kontaktbord], ranges, [version], DemoExpiryStyle.ExpiredPage));
            }
        }

        public void HomeWorker()
        {
            var advertiser = NewAdvertiser("home-1", "Marieke", "home-worker", "+31");
            var versions = new List<DemoAdVersion>();
            for (var day = Start; day < Start.AddDays(Days); day = day.AddDays(28))
            {
                versions.Add(Version(day, advertiser, "Marieke (42) – al jaren je vertrouwde adres in Ermelo",
                    "Zelfstandig, eigen adres, op afspraak. Geen haast.", HomeWorkerAddress, "Ermelo", advertiser.ImageIds, posted: day));
            }
            Ads.Add(new DemoAd("home-ad-1", advertiser.Id, [DemoSiteKind.Kontaktbord], [new DemoDateRange(Start, Start.AddDays(Days - 1))],
                versions, DemoExpiryStyle.Gone));
        }

        public void Escorts()
        {
            string[] areas = ["Escort regio Harderwijk, Ermelo en Putten", "Escort service Veluwe", "Escort omgeving Putten"];
            for (var e = 0; e < areas.Length; e++)
            {
                var advertiser = NewAdvertiser($"escort-{e + 1}", DemoTextBank.Names[23 + e], "escort", "+31");
                var first = Start.AddDays(20 + e * 100);
                var version = Version(first, advertiser, $"{advertiser.Name} – {areas[e]}",
                    $"{areas[e]}. Ik kom naar je toe, hotel of thuis. {Phone(advertiser)}", null, null, advertiser.ImageIds);
                DemoSiteKind[] sites = e switch
                {
                    1 => [DemoSiteKind.Nachtlicht],
                    2 => [DemoSiteKind.Kontaktbord, DemoSiteKind.Lantaarn],
                    _ => [DemoSiteKind.Kontaktbord],
                };
                Ads.Add(new DemoAd($"escort-ad-{e + 1}", advertiser.Id, sites,
                    [new DemoDateRange(first, first.AddDays(90))], [version], DemoExpiryStyle.Gone));
            }
        }

        public void TownNoise()
        {
            // Short stays named only by town: they feed per-municipality statistics and never make a location flag.
            string[] names = ["Aurora", "Estrella", "Pilar", "Luciana", "Renata", "Silvia", "Tamara", "Ximena"];
            string[] places = ["regio Putten", "Ermelo-centrum", "omgeving Harderwijk", "Putten", "Hierden", "regio Ermelo", "Harderwijk", "Putten centrum"];
            for (var n = 0; n < places.Length; n++)
            {
                var advertiser = NewAdvertiser($"town-{n + 1}", names[n], "noise", n % 3 == 0 ? "+55" : "+31");
                var first = Start.AddDays(40 + n * 37);
                var town = places[n].Replace("regio ", "", StringComparison.Ordinal).Replace("omgeving ", "", StringComparison.Ordinal)
                    .Replace("-centrum", "", StringComparison.Ordinal).Replace(" centrum", "", StringComparison.Ordinal);
                DemoSiteKind[] sites = (n % 2 == 0, n % 3 == 0) switch
                {
                    (true, true) => [DemoSiteKind.Kontaktbord, DemoSiteKind.Lantaarn],
                    (true, false) => [DemoSiteKind.Kontaktbord],
                    (false, true) => [DemoSiteKind.Nachtlicht, DemoSiteKind.Lantaarn],
                    _ => [DemoSiteKind.Nachtlicht],
                };
                Ads.Add(Ad($"{advertiser.Id}-a", advertiser, sites, first, 3 + n % 3, places[n], town, "latina"));
            }
        }

        public void OutsideRotation()
        {
            for (var o = 0; o < 4; o++)
            {
                var advertiser = NewAdvertiser($"nsp-{o + 1}", DemoTextBank.Names[26 + o], "touring", "+31");
                Ads.Add(Ad($"{advertiser.Id}-a", advertiser, [DemoSiteKind.Kontaktbord], new DateOnly(2023, 6, 5).AddDays(o * 12), 4,
                    OutsideHouse, "Nunspeet", "Venezolana", rooms: ["room-nsp"]));
            }
        }

        private DemoAdvertiser NewAdvertiser(string id, string name, string role, string country)
        {
            _phoneSerial++;
            var phone = country switch
            {
                "+57" => $"+57310{5550000 + _phoneSerial * 37:D7}",
                "+55" => $"+55119{85550000 + _phoneSerial * 41:D8}",
                _ => $"+3161{5550000 + _phoneSerial * 113:D7}",
            };
            var advertiser = new DemoAdvertiser(id, name, phone, role, [$"{id}-p1", $"{id}-p2"]);
            Advertisers.Add(advertiser);
            return advertiser;
        }

        private string Phone(DemoAdvertiser advertiser) => DemoPhoneWriter.Write(advertiser.PhoneE164, Styles[_random.Next(Styles.Length)]);

        private DemoAd Ad(string id, DemoAdvertiser advertiser, DemoSiteKind[] sites, DateOnly first, int length, string? location,
            string? city, string origin, string? phoneText = null, string[]? rooms = null, string? repostLocation = null,
            string? bodyTail = null)
        {
            var age = _random.Next(21, 34).ToString(CultureInfo.InvariantCulture);
            string Fill(string template) => template.Replace("{name}", advertiser.Name, StringComparison.Ordinal)
                .Replace("{age}", age, StringComparison.Ordinal).Replace("{origin}", origin, StringComparison.Ordinal)
                .Replace("{city}", city ?? "de regio", StringComparison.Ordinal);
            var title = Fill(DemoTextBank.TitleTemplates[_random.Next(DemoTextBank.TitleTemplates.Length)]);
            var body = string.Join("\n\n", Fill(DemoTextBank.Openings[_random.Next(DemoTextBank.Openings.Length)]),
                DemoTextBank.Middles[_random.Next(DemoTextBank.Middles.Length)]);
            if (bodyTail is not null)
            {
                body += "\n\n" + bodyTail;
            }
            string[] images = [.. advertiser.ImageIds, .. rooms ?? []];
            var version = Version(first, advertiser, title, body, location, city, images, phoneText);
            var versions = new List<DemoAdVersion> { version };
            if (length >= 4)
            {
                // A repost half-way: a new version of the same ad, as sites see daily.
                versions.Add(version with
                {
                    EffectiveFrom = first.AddDays(2), Posted = first.AddDays(2), Title = version.Title + " 🔥", Location = repostLocation ?? location,
                });
            }
            return new DemoAd(id, advertiser.Id, sites, [new DemoDateRange(first, first.AddDays(length - 1))], versions,
                _random.Next(2) == 0 ? DemoExpiryStyle.Gone : DemoExpiryStyle.ExpiredPage);
        }

        private DemoAdVersion Version(DateOnly from, DemoAdvertiser advertiser, string title, string body, string? location, string? city,
            IReadOnlyList<string> images, string? phoneText = null, DateOnly? posted = null) =>
            new(from, title, body, location, city, phoneText ?? Phone(advertiser), advertiser.PhoneE164, posted ?? from, images);
    }
}
