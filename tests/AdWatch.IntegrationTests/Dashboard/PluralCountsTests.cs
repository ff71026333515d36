using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AdWatch.Web.Security;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Counts in words read right in both languages: "1 advertentie", never "1 advertenties" (nor "1 ads").</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class PluralCountsTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task Pages_ShowASingularNoun_ForACountOfOne(string culture)
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var pages = new List<string> { "/locations", "/touring", "/inbox", "/crawlers", $"/crawlers/{data.SiteId.ToString(CultureInfo.InvariantCulture)}",
            $"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}", $"/locations/{data.LastLocation.ToString(CultureInfo.InvariantCulture)}" };

        var ones = new List<string>();
        foreach (var page in pages)
        {
            var html = WebUtility.HtmlDecode(await client.GetStringAsync($"{page}?culture={culture}", Ct));
            ones.AddRange(OneWithPlural().Matches(html).Select(m => $"{page}: {m.Value}"));
            // The demo data does have counts of one on these pages, so the singular is really exercised.
            if (page.StartsWith("/locations/", StringComparison.Ordinal))
            {
                OneWithSingular().IsMatch(html).ShouldBeTrue($"{page} shows no count of one");
            }
        }

        ones.ShouldBeEmpty();
    }

    [GeneratedRegex(@"(?<![\d.,])1 (advertenties|adverteerders|waarnemingen|locaties|gedeelde adverteerders|dagen|runs|ads|advertisers|observations|locations|shared advertisers|days|opnamen met|verzoeken|captures with|requests|advertenties gezien|ads seen)\b")]
    private static partial Regex OneWithPlural();

    [GeneratedRegex(@"(?<![\d.,])1 (advertentie|adverteerder|waarneming|dag|ad|advertiser|observation|day)\b")]
    private static partial Regex OneWithSingular();
}
