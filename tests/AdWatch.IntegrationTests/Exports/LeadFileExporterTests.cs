using AdWatch.Accounts;
using System.Globalization;
using System.Text;
using System.Text.Json;
using AdWatch.Exports;
using AdWatch.Exports.Files;
using AdWatch.Privacy;
using CsvHelper;

namespace AdWatch.IntegrationTests.Exports;

public sealed class LeadFileExporterTests : IAsyncLifetime
{
    private const string HostileLabel = "Kerkstraat 1, \"De Bron\"; =HYPERLINK(\"x\")\nnieuwe regel — ë";
    private ExportHarness _harness = null!;
    private long _first;
    private long _second;

    public async ValueTask InitializeAsync()
    {
        _harness = await ExportHarness.StartAsync(new Dictionary<string, string?>());
        _first = await LeadSeed.LeadAsync(_harness.Database, score: 0.6);
        _second = await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:1", label: HostileLabel, score: 0.9);
        // The second lead's place was geocoded by PDOK (with the optional gebruiksdoel lookup); the first offline.
        await using var c = await _harness.Database.OpenAsync(CancellationToken.None);
        await Dapper.SqlMapper.ExecuteAsync(c, """
            UPDATE places SET bag_nummeraanduiding_id = '0243200000012345', bag_adresseerbaarobject_id = '0243010000012345', bag_gebruiksdoel = 'woonfunctie'
            WHERE key = 'pc6:3841AB:1'
            """);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Csv_RoundTripsThroughCsvHelper_WithTheDocumentedColumns()
    {
        var text = await WriteAsync("csv");

        text.Split('\n')[0].ShouldBe("lead_id,flag_id,status,score,label,precision,street,house_number,postcode,place,municipality_code,lat,lon," +
            "first_flagged_at,computed_at,reasons,phones,stays,advertisers,ads,ad_urls,first_stay_at,last_stay_at," +
            "bag_nummeraanduiding_id,bag_adresseerbaarobject_id,bag_gebruiksdoel");
        using var csv = new CsvReader(new StringReader(text), LeadFileExporter.CsvConfiguration);
        var rows = csv.GetRecords<LeadCsvRow>().ToList();
        rows.Select(r => r.FlagId).ShouldBe([_second, _first]); // highest score first
        var hostile = rows[0];
        hostile.Label.ShouldBe(HostileLabel);
        hostile.Score.ShouldBe(0.9);
        hostile.Lat.ShouldBe(52.349);
        hostile.Phones.ShouldBe("'+31612345001|+31612345002|+31612345003"); // a leading "+" is escaped like a formula (CSV injection)
        hostile.Reasons.ShouldBe("rotation");
        hostile.Stays.ShouldBe(2);
        hostile.Advertisers.ShouldBe(2);
        hostile.Ads.ShouldBe(3);
        hostile.FirstFlaggedAt.ShouldBe("2026-03-01T08:00:00Z");
        (hostile.NummeraanduidingId, hostile.AdresseerbaarObjectId, hostile.Gebruiksdoel).ShouldBe(("0243200000012345", "0243010000012345", "woonfunctie"));
        string.IsNullOrEmpty(rows[1].NummeraanduidingId).ShouldBeTrue(); // geocoded offline: no BAG id
        var expected = LeadCsvRow.From((await _harness.Get<LeadQuery>().GetAsync(_second, CancellationToken.None))!);
        hostile.ShouldBe(expected with { Phones = "'" + expected.Phones });
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.invalid\",\"klik\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    public async Task Csv_NeutralisesACellAnAdWroteAsAFormula(string label)
    {
        var flag = await LeadSeed.LeadAsync(_harness.Database, key: "pc6:3841AB:99", label: label, score: 0.99, ct: TestContext.Current.CancellationToken);

        using var csv = new CsvReader(new StringReader(await WriteAsync("csv")), LeadFileExporter.CsvConfiguration);
        var row = csv.GetRecords<LeadCsvRow>().Single(r => r.FlagId == flag);

        row.Label.ShouldBe("'" + label); // a spreadsheet shows it as text
    }

    [Fact]
    public async Task Json_RoundTripsThroughSystemTextJson()
    {
        var text = await WriteAsync("json");

        var leads = JsonSerializer.Deserialize<List<Lead>>(text, LeadJson.Options)!;
        leads.Count.ShouldBe(2);
        var expected = (await _harness.Get<LeadQuery>().ListAsync(null, AccessScope.Everything, CancellationToken.None)).ToList();
        JsonSerializer.Serialize(leads, LeadJson.Options).ShouldBe(JsonSerializer.Serialize(expected, LeadJson.Options));
        leads[0].Label.ShouldBe(HostileLabel);
        leads[0].Ads.Count.ShouldBe(3);
        leads[0].Stays[0].StartAt.ShouldBe(LeadSeed.At.AddDays(1));
        text.ShouldContain("\"firstFlaggedAt\":\"2026-03-01T08:00:00Z\"");
        text.ShouldContain("+31612345001"); // readable, not \u002B
        text.ShouldContain("\"nummeraanduidingId\":\"0243200000012345\",\"adresseerbaarObjectId\":\"0243010000012345\",\"gebruiksdoel\":\"woonfunctie\"");
        text.ShouldContain("\"nummeraanduidingId\":null"); // the offline lead
    }

    [Fact]
    public async Task Since_LeavesOutLeadsNotChangedSinceThen()
    {
        var exporter = _harness.Get<LeadFileExporter>();
        using var stream = new MemoryStream();

        var count = await exporter.WriteAsync(stream, "json", LeadSeed.At.AddSeconds(1), "ana", CancellationToken.None);

        count.ShouldBe(0);
        Encoding.UTF8.GetString(stream.ToArray()).ShouldBe("[]");
    }

    [Fact]
    public async Task WriteFile_LeavesOnlyTheFinishedFile_AndIsAudited()
    {
        var folder = Directory.CreateTempSubdirectory("adwatch-leads-");
        try
        {
            var path = Path.Combine(folder.FullName, "leads.csv");

            var count = await _harness.Get<LeadFileExporter>().WriteFileAsync(path, "csv", null, "ana", CancellationToken.None);

            count.ShouldBe(2);
            folder.GetFiles().Select(f => f.Name).ShouldBe(["leads.csv"]);
            File.ReadAllBytes(path).Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }); // UTF-8 without BOM
            var audit = await _harness.Get<AuditLog>().ListAsync(null, 5, CancellationToken.None);
            audit.ShouldContain(a => a.Actor == "ana" && a.Action == "export" && a.TargetKind == "leads" && a.Detail == "csv, 2 leads");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task UnknownFormat_IsRefused()
    {
        using var stream = new MemoryStream();
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() =>
            _harness.Get<LeadFileExporter>().WriteAsync(stream, "xlsx", null, "ana", CancellationToken.None));
    }

    private async Task<string> WriteAsync(string format)
    {
        using var stream = new MemoryStream();
        await _harness.Get<LeadFileExporter>().WriteAsync(stream, format, null, "ana", CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
