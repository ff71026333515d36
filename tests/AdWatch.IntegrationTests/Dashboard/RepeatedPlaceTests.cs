using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AdWatch.Web.Security;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>A place is named once: never "Harderwijk Harderwijk" where a town and its municipality share the name.</summary>
[Collection(DashboardCollection.Name)]
public sealed partial class RepeatedPlaceTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task Pages_NameAPlaceOnce(string culture)
    {
        using var client = await fixture.SignedInClientAsync(Policies.CoordinatorRole);
        var data = await AnalystPageData.LoadAsync(fixture, Ct);
        var pages = new List<string> { "/", "/locations", "/touring", "/phones", "/addresses", "/inbox", "/reports/year?year=2023&municipality=GM0243",
            $"/crawlers/{data.SiteId.ToString(CultureInfo.InvariantCulture)}",
            $"/locations/{data.TopLocation.ToString(CultureInfo.InvariantCulture)}", $"/locations/{data.LastLocation.ToString(CultureInfo.InvariantCulture)}" };

        var repeated = new List<string>();
        foreach (var page in pages)
        {
            var html = await client.GetStringAsync($"{page}{(page.Contains('?') ? '&' : '?')}culture={culture}", Ct);
            // Table cells and list items apart: a location cell beside its municipality cell is two names, not one repeated.
            var text = WebUtility.HtmlDecode(Whitespace().Replace(Tags().Replace(CellEnd().Replace(html, " | "), " "), " "));
            repeated.AddRange(Repeated().Matches(text).Select(m => $"{page}: …{text[Math.Max(0, m.Index - 60)..Math.Min(text.Length, m.Index + m.Length + 60)]}…"));
        }

        repeated.ShouldBeEmpty();
    }

    [GeneratedRegex(@"</(td|th|li|dd|dt|option|h\d|p|div)>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(Harderwijk|Ermelo|Putten|Nunspeet|Lelystad|Zwolle|Amersfoort|Nijkerk|Elburg|Hierden)[,;:]? \1\b")]
    private static partial Regex Repeated();
}
