using System.Diagnostics;
using System.Text.Json;
using AdWatch.Evidence;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>adwatch import (JSONL, WARC) and export warc through the same pipeline as a crawl.</summary>
public sealed class ImportExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string KontaktbordAd = """
        <html><body><article class="ad-detail" data-ad-id="x9"><h1 class="ad-title">Mila nieuw</h1>
        <div class="ad-meta"><span class="ad-location">Dorpsstraat 1, Ermelo</span><time class="ad-posted" datetime="2023-03-01">1 maart</time></div>
        <div class="ad-phone">06-11112222</div><div class="ad-body"><p>Fictieve tekst.</p></div></article></body></html>
        """;

    [Fact]
    public async Task ImportAsync_SkipsBadLinesWithNumbers_AndChangesNothing_WhenImportedTwice()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "captures.jsonl");
        var html = System.Text.Json.JsonSerializer.Serialize(KontaktbordAd);
        await File.WriteAllLinesAsync(file,
        [
            $$"""{"site": "kontaktbord", "url": "http://127.0.0.1:5081/advertentie/x9", "observedAt": "2023-03-01T10:15:00Z", "html": {{html}}}""",
            """{"site": "oud-forum", "url": "https://forum.example.org/t/77", "observedAt": "2023-02-01T09:00:00Z", "text": "Nieuw in Putten, bel 0612345678"}""",
            """{"site": "oud-forum", "url": "https://forum.example.org/t/78", "observedAt": """,
            """{"site": "oud-forum", "observedAt": "2023-02-01T09:00:00Z", "text": "no url"}""",
            "",
        ], Ct);
        var importer = h.Services.GetRequiredService<AdImporter>();

        var first = await importer.ImportAsync(file, Ct);
        var counts = await Counts(h);
        var second = await importer.ImportAsync(file, Ct);

        first.Imported.ShouldBe(2);
        first.Skipped.ShouldBe(2);
        first.Problems[0].ShouldStartWith("line 3:");
        first.Problems[1].ShouldStartWith("line 4:");
        second.Imported.ShouldBe(2);
        (await Counts(h)).ShouldBe(counts);
        counts.ShouldBe((2L, 2L, 2L, 2L));
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title = 'Mila nieuw' AND phone_text = '06-11112222' AND location_text = 'Dorpsstraat 1, Ermelo'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads a JOIN sites s ON s.id = a.site_id WHERE s.name = 'kontaktbord' AND a.external_id = 'x9'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM sites WHERE name = 'oud-forum' AND import_only = TRUE")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE body_text = 'Nieuw in Putten, bel 0612345678'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM observations WHERE source = 'import' AND run_id IS NULL")).ShouldBe(2);
    }

    [Fact]
    public async Task ExportThenImport_RoundTripsEveryVersion_WhenCrawledOverDays()
    {
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(2);
        await h.CrawlDayAsync(3);
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "out", "kontaktbord.warc.gz");

        var export = await h.Services.GetRequiredService<WarcExporter>().ExportAsync(file, "kontaktbord", null, Ct);

        export.Responses.ShouldBe(4); // a1 twice (changed on 3 March), a2, a5
        export.Revisits.ShouldBe(2);  // a2 and a5 unchanged on 3 March
        var records = WarcReader.Read(file).ToList();
        records[0].Type.ShouldBe("warcinfo");
        records.Count(r => r.Type == "response").ShouldBe(4);
        records.Where(r => r.Type == "response").ShouldAllBe(r => r.Headers["WARC-Date"].StartsWith("2023-03-0", StringComparison.Ordinal));

        await using var target = await CrawlHarness.StartAsync();
        var importer = target.Services.GetRequiredService<AdImporter>();
        var imported = await importer.ImportAsync(file, Ct);
        await importer.ImportAsync(file, Ct);

        imported.Imported.ShouldBe(6); // 4 responses and 2 revisits: every sighting comes back
        imported.Skipped.ShouldBe(0);
        (await target.ScalarAsync("SELECT COUNT(*) FROM ads")).ShouldBe(3);
        (await target.ScalarAsync("SELECT COUNT(*) FROM ad_versions")).ShouldBe(4);
        (await target.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(await h.ScalarAsync("SELECT COUNT(*) FROM observations"));
        (await target.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(6);
        (await target.ScalarAsync("SELECT COUNT(*) FROM ads WHERE last_seen_at = (SELECT MAX(observed_at) FROM observations)")).ShouldBe(3);
        (await target.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE title = 'Luna laatste dagen'")).ShouldBe(1);
        var siteId = await target.ScalarAsync("SELECT id FROM sites WHERE name = 'kontaktbord'");
        (await target.Ads.FindAsync(siteId, "a1", Ct))!.FirstSeenAt.ShouldBe(CrawlHarness.Morning(2));
    }

    [Fact]
    public async Task Export_IsReadByAnIndependentWarcReader_WithTheBytesWeStored()
    {
        var reader = Path.Combine(RepoPaths.Root, "tools", "warc-check");
        if (!Directory.Exists(Path.Combine(reader, "node_modules", "warcio")))
        {
            Assert.Skip("needs warcio.js: npm ci --prefix tools/warc-check (.ci/run does this).");
        }
        await using var h = await CrawlHarness.StartAsync();
        await h.CrawlDayAsync(2);
        await h.CrawlDayAsync(3);
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "out", "kontaktbord.warc.gz");
        await h.Services.GetRequiredService<WarcExporter>().ExportAsync(file, "kontaktbord", null, Ct);

        var records = await ReadWithWarcioAsync(reader, file);

        records[0].GetProperty("type").GetString().ShouldBe("warcinfo");
        var responses = records.Where(r => r.GetProperty("type").GetString() == "response").ToList();
        var revisits = records.Where(r => r.GetProperty("type").GetString() == "revisit").ToList();
        responses.Count.ShouldBe(4);
        revisits.Count.ShouldBe(2);
        records.Count.ShouldBe(7);
        responses.ShouldAllBe(r => r.GetProperty("status").GetInt32() == 200);
        responses.ShouldAllBe(r => r.GetProperty("computedPayloadDigest").GetString() == r.GetProperty("payloadDigest").GetString());
        await using var c = await h.Db.Database.OpenAsync(Ct);
        var stored = (await c.QueryAsync<string>("SELECT sha256 FROM evidence_blobs")).ToList();
        responses.Select(r => r.GetProperty("payloadSha256").GetString()!).Order().ShouldBe(stored.Order());
        foreach (var revisit in revisits)
        {
            revisit.GetProperty("profile").GetString().ShouldBe("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest");
            var target = revisit.GetProperty("refersToUri").GetString();
            responses.ShouldContain(r => r.GetProperty("uri").GetString() == target
                && r.GetProperty("payloadDigest").GetString() == revisit.GetProperty("payloadDigest").GetString());
        }
        records.Select(r => r.GetProperty("recordId").GetString()).Distinct().Count().ShouldBe(records.Count);
    }

    /// <summary>One JSON object per record, as tools/warc-check/read.mjs prints them.</summary>
    private static async Task<List<JsonElement>> ReadWithWarcioAsync(string reader, string file)
    {
        var start = new ProcessStartInfo("node", [Path.Combine(reader, "read.mjs"), file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = reader,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync(Ct);
        var errors = node.StandardError.ReadToEndAsync(Ct);
        await node.WaitForExitAsync(Ct);
        node.ExitCode.ShouldBe(0, await errors);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    [Fact]
    public async Task ImportAsync_ReportsRecordAndKeepsEarlierOnes_WhenWarcBroken()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "broken.warc");
        await using (var stream = File.Create(file))
        using (var warc = new WarcWriter(stream, gzip: false))
        {
            warc.WriteResponse("https://forum.example.org/t/1", CrawlHarness.Morning(1), 200, "text/html", System.Text.Encoding.UTF8.GetBytes(KontaktbordAd));
        }
        await File.AppendAllTextAsync(file, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n", Ct);

        var result = await h.Services.GetRequiredService<AdImporter>().ImportAsync(file, Ct);

        result.Imported.ShouldBe(1);
        result.Problems.Single().ShouldContain("record 2");
        (await h.ScalarAsync("SELECT COUNT(*) FROM sites WHERE name = 'forum-example-org' AND import_only = TRUE")).ShouldBe(1);
    }

    private static async Task<(long, long, long, long)> Counts(CrawlHarness h) =>
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads"), await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions"),
         await h.ScalarAsync("SELECT COUNT(*) FROM observations"), await h.ScalarAsync("SELECT COUNT(*) FROM evidence_blobs"));
}
