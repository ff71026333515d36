using AdWatch.DemoSites.Lantaarn;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// Fourteen Lantaarn ads online 1–3 March 2023, each by its own advertiser, every fourth without a town. With a page size of
/// 5 the beta list needs two "Meer laden" rounds (5 + 5 + 4). Which ads show their phone as a PNG and which carry the
/// verified badge is Lantaarn's own choice (<see cref="LantaarnFacts"/>, a hash of the id); <see cref="Create"/> checks that
/// both kinds are present, so the tests below always see text and image phones.
/// </summary>
internal static class LantaarnScenario
{
    public const int AdCount = 14;
    public const int PageSize = 5;

    public static DateOnly Day(int dayOfMarch) => new(2023, 3, dayOfMarch);

    public static DemoScenario Create()
    {
        var advertisers = new List<DemoAdvertiser>();
        var ads = new List<DemoAd>();
        for (var i = 1; i <= AdCount; i++)
        {
            var advertiser = new DemoAdvertiser($"adv-lt-{i:D2}", $"Naam{i}", $"+3161555{i:D4}", "touring", [$"lt-photo-{i}"]);
            advertisers.Add(advertiser);
            var city = i % 4 == 0 ? null : (i % 2 == 0 ? "Harderwijk" : "Ermelo");
            var phone = DemoPhoneWriter.Write(advertiser.PhoneE164, DemoPhoneStyle.Dashed);
            var version = new DemoAdVersion(Day(1), $"Naam{i} nieuw", $"Hoi, ik ben Naam{i}.\n\nBel via Toon nummer.", city, city, phone,
                advertiser.PhoneE164, Day(1).AddDays(-(i % 3)), advertiser.ImageIds);
            ads.Add(new DemoAd($"lt-ad-{i:D2}", advertiser.Id, [DemoSiteKind.Lantaarn], [new DemoDateRange(Day(1), Day(3))], [version],
                DemoExpiryStyle.Gone));
        }
        var ids = ads.Select(a => a.Id).ToList();
        ids.Count(LantaarnFacts.PhoneAsImage).ShouldBeInRange(2, AdCount - 2, "the scenario needs text and image phones");
        ids.Count(LantaarnFacts.Verified).ShouldBeInRange(1, AdCount - 1, "the scenario needs verified and unverified ads");
        return DemoScenario.Create("lantaarn-march-2023", Day(1), 10, advertisers, ads);
    }
}
