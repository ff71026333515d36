using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AdWatch.DemoSites.Hostile;
using AdWatch.IntegrationTests.Dashboard;
using AdWatch.IntegrationTests.Exports;
using Dapper;

namespace AdWatch.IntegrationTests.Hostile;

/// <summary>
/// The hostile-input corpus (issue 16) through the crawl and everything after it: each case of <see cref="HostileCorpus"/>
/// is stored whole and cleaned, with the phone and house it states found, or refused with one line naming its URL; the
/// run ends; nothing is half-written; the dossier and its PDF show every stored case. Time and memory per path are measured by
/// the <c>hostile</c> benchmark, not here.
/// </summary>
[Collection(HostileCorpusCollection.Name)]
public sealed partial class HostileCorpusTests(HostileCorpusFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Crawl_StoresOrRefusesEachCase_AsACarefulReaderWould()
    {
        fixture.Crawl.Status.ShouldNotBe("running", fixture.Crawl.ToString());
        var problems = await CorpusChecks.OutcomesAsync(fixture.Database, c => c.Crawl, c => fixture.Site.AdUrl(c.Name), extracted: true, Ct);
        problems.ShouldBeEmpty();
        fixture.Extracted.ShouldBe(HostileCorpus.Cases.Count(c => c.Crawl == HostileOutcome.Stored));
    }

    [Fact]
    public async Task Crawl_NamesEachRefusedPage_InOneLine()
    {
        await using var c = await fixture.Database.OpenAsync(Ct);
        var problems = new List<string>();
        foreach (var hostile in HostileCorpus.Cases.Where(h => h.Crawl == HostileOutcome.Refused))
        {
            var (status, kind, message) = await c.QuerySingleAsync<(string, string?, string?)>(
                "SELECT status, error_kind, error_message FROM crawl_requests WHERE url = @url", new { url = fixture.Site.AdUrl(hostile.Name) });
            if (status != "failed" || string.IsNullOrWhiteSpace(kind) || string.IsNullOrWhiteSpace(message) || message.Contains('\n', StringComparison.Ordinal)
                || message.Contains(" at AdWatch.", StringComparison.Ordinal) || message.Length > 500)
            {
                problems.Add($"{hostile.Name}: {status}, {kind}: {message}");
            }
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task Crawl_LeavesNothingHalfWritten()
    {
        (await CorpusChecks.HalfWrittenAsync(fixture.Database, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Extraction_RefusesTheImageBomb_FromItsHeader()
    {
        await using var c = await fixture.Database.OpenAsync(Ct);
        var url = new Uri(fixture.Site.BaseUrl, "/img/bomb.png").AbsoluteUri;
        var row = await c.QuerySingleAsync<(long? Phash, string? Problem, string? StoreProblem)>(
            "SELECT phash, problem, store_problem FROM image_hashes WHERE url = @url", new { url });
        row.Phash.ShouldBeNull();
        row.Problem.ShouldNotBeNullOrWhiteSpace();
        row.StoreProblem.ShouldNotBeNullOrWhiteSpace();
        fixture.Site.Requests.GetValueOrDefault("/img/bomb.png").ShouldBe(1);
    }

    [Fact]
    public async Task Dossier_ShowsEveryStoredCase_CleanAndCut()
    {
        using var analyst = await fixture.SignedInAsync(HostileCorpusFixture.Analyst);
        var shown = new HashSet<long>();
        var evidence = 0;
        foreach (var locationId in await LocationIdsAsync())
        {
            using var response = await analyst.GetAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}", Ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)); // what the browser shows
            page.ShouldNotContain("\0");
            page.ShouldNotContain("\u202E");
            page.Length.ShouldBeLessThan(1_000_000, "ad bodies are cut in the dossier; a 4 MB body must not make a 4 MB page");
            shown.UnionWith(AdHeading().Matches(page).Select(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
            foreach (var link in EvidenceLink().Matches(page).Select(m => m.Groups[1].Value).Distinct())
            {
                using var proof = await analyst.GetAsync(link, Ct);
                proof.StatusCode.ShouldBe(HttpStatusCode.OK, link);
                evidence++;
            }
        }
        var housed = await HousedAdIdsAsync();
        housed.Count.ShouldBe(HostileCorpus.Cases.Count(c => c.Crawl == HostileOutcome.Stored && c.Postcode is not null));
        housed.Except(shown).ShouldBeEmpty("every stored ad that names a house is shown in a dossier");
        evidence.ShouldBeGreaterThanOrEqualTo(housed.Count);
    }

    [Fact]
    public async Task Dossier_ShowsTheBidiControls_AsMarkers()
    {
        using var analyst = await fixture.SignedInAsync(HostileCorpusFixture.Analyst);
        var pages = new List<string>();
        foreach (var locationId in await LocationIdsAsync())
        {
            pages.Add(WebUtility.HtmlDecode(await analyst.GetStringAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}", Ct)));
        }
        pages.ShouldContain(p => p.Contains("⟦U+202E⟧gnp.exe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DossierPdf_RendersEveryHouseOfTheCorpus()
    {
        Assert.SkipUnless(File.Exists(DashboardFixture.Chromium), $"Chromium is not installed at {DashboardFixture.Chromium} (apt-get install chromium)");
        using var coordinator = await fixture.SignedInAsync(HostileCorpusFixture.Coordinator);
        foreach (var locationId in await LocationIdsAsync())
        {
            using var pdf = await coordinator.GetAsync($"/locations/{locationId.ToString(CultureInfo.InvariantCulture)}?handler=Pdf", Ct);
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
            var text = PdfText.Extract(await pdf.Content.ReadAsByteArrayAsync(Ct));
            text.ShouldNotContain("\0");
            text.ShouldNotContain("\u202E");
        }
    }

    private async Task<List<long>> LocationIdsAsync()
    {
        await using var c = await fixture.Database.OpenAsync(Ct);
        var ids = (await c.QueryAsync<long>("SELECT location_id FROM flags ORDER BY location_id")).ToList();
        ids.ShouldNotBeEmpty();
        return ids;
    }

    /// <summary>The stored ads that name a house (a postcode) and therefore belong in a dossier.</summary>
    private async Task<HashSet<long>> HousedAdIdsAsync()
    {
        await using var c = await fixture.Database.OpenAsync(Ct);
        return [.. await c.QueryAsync<long>("""
            SELECT DISTINCT a.id FROM ads a JOIN ad_places ap ON ap.version_id = a.current_version_id JOIN places p ON p.id = ap.place_id
            WHERE p.postcode IS NOT NULL
            """)];
    }

    [GeneratedRegex(@"<h3>#(\d+) ")]
    private static partial Regex AdHeading();

    [GeneratedRegex("href=\"(/locations/\\d+/evidence/\\d+)\"")]
    private static partial Regex EvidenceLink();
}
