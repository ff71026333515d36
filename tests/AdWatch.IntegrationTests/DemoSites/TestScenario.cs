using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.DemoSites;

/// <summary>A small hand-made scenario (March 2023) whose every answer the tests can predict.</summary>
internal static class TestScenario
{
    public static readonly DateOnly Start = new(2023, 3, 1);
    public static readonly DateOnly BeforeAnything = new(2023, 2, 28);

    public static DateOnly Day(int dayOfMarch) => new(2023, 3, dayOfMarch);

    public static DemoScenario Create()
    {
        var luna = new DemoAdvertiser("adv-luna", "Luna", "+31612345678", "touring", ["luna-1", "luna-2"]);
        var bella = new DemoAdvertiser("adv-bella", "Bella", "+31687654321", "escort", ["bella-1"]);
        DemoSiteKind[] k = [DemoSiteKind.Kontaktbord];
        DemoSiteKind[] n = [DemoSiteKind.Nachtlicht];
        DemoSiteKind[] both = [DemoSiteKind.Kontaktbord, DemoSiteKind.Nachtlicht];
        DemoAd[] ads =
        [
            // Appears on 1 March, changes title on 3 March, gone (410) after 5 March.
            new("a1", luna.Id, k, [new(Day(1), Day(5))],
            [
                Version(Day(1), "Luna nieuw in Harderwijk", "Stationslaan 14, 3841 AB Harderwijk", "Harderwijk", "06-12345678", luna, Day(1), "luna-1"),
                Version(Day(3), "Luna laatste dagen", "Stationslaan 14, 3841 AB Harderwijk", "Harderwijk", "nul zes 12345678", luna, Day(1), "luna-1", "luna-2"),
            ], DemoExpiryStyle.Gone),
            // On both sites 2–10 March, phone only as a wa.me link, no location; expired page afterwards.
            new("a2", bella.Id, both, [new(Day(2), Day(10))],
                [Version(Day(2), "Bella escort regio", null, null, "https://wa.me/31687654321", bella, Day(2), "bella-1")],
                DemoExpiryStyle.ExpiredPage),
            // Online 4–6 March, away, back 15–16 March.
            new("a3", luna.Id, k, [new(Day(4), Day(6)), new(Day(15), Day(16))],
                [Version(Day(4), "Luna terug in Ermelo", "regio Ermelo", "Ermelo", "+31 6 12345678", luna, Day(4), "luna-2")],
                DemoExpiryStyle.ExpiredPage),
            // Nachtlicht only, 1–3 March, gone afterwards.
            new("a4", bella.Id, n, [new(Day(1), Day(3))],
                [Version(Day(1), "Bella nueva en Putten", "Kerkstraat 3, 3881 AB Putten", "Putten", "06 87 65 43 21", bella, Day(1), "bella-1")],
                DemoExpiryStyle.Gone),
            // Long stay, posted before the scenario starts: listed last.
            new("a5", luna.Id, k, [new(Day(1), Day(20))],
                [Version(Day(1), "Luna vaste plek", "Molenweg 7, 3842 CD Harderwijk", "Harderwijk", "06 12 34 56 78", luna, new DateOnly(2023, 2, 20), "luna-1")],
                DemoExpiryStyle.Gone),
        ];
        return DemoScenario.Create("test-march-2023", Start, 31, [luna, bella], ads);
    }

    private static DemoAdVersion Version(DateOnly from, string title, string? location, string? city, string phone,
        DemoAdvertiser advertiser, DateOnly posted, params string[] images) =>
        new(from, title, $"Hoi, ik ben {advertiser.Name}.\n\nBel of app: {phone}", location, city, phone, advertiser.PhoneE164, posted, images);
}
