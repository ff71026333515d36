using System.Text;
using System.Text.Json;
using AdWatch.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Crawling;

/// <summary>
/// <c>adwatch import</c> on hostile or broken files (issue 16): corrupt, truncated and non-gzip WARC, oversized records and
/// lines, type errors, forged site names and hosts, dates in the future. Good records are stored, bad ones named and skipped.
/// </summary>
public sealed class HostileImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] Page(string title) => Encoding.UTF8.GetBytes($"<html><body><h1>{title}</h1><p>Fictieve tekst, bel 0612345678.</p></body></html>");

    private static string FileIn(CrawlHarness h, string name) => Path.Combine(Path.GetDirectoryName(h.Db.Path)!, name);

    private static async Task WriteWarcAsync(string file, bool gzip, params (string Url, byte[] Body)[] pages)
    {
        await using var stream = File.Create(file);
        using var warc = new WarcWriter(stream, gzip);
        var day = 1;
        foreach (var (url, body) in pages)
        {
            warc.WriteResponse(url, CrawlHarness.Morning(day++), 200, "text/html", body);
        }
    }

    private static Task<ImportResult> ImportAsync(CrawlHarness h, string file) => h.Services.GetRequiredService<AdImporter>().ImportAsync(file, Ct);

    [Fact]
    public async Task ImportAsync_SkipsTheBrokenRecordAndReadsOn_WhenAWarcRecordIsCorrupt()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "corrupt.warc");
        await WriteWarcAsync(file, false, ("https://forum.example.org/t/1", Page("Een")));
        var broken = new FileInfo(file).Length;
        await File.AppendAllTextAsync(file, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nHTTP/1.1 200 OK\r\n\r\ngarbage\r\n\r\n", Ct);
        await File.AppendAllTextAsync(file, "\u001b[2Jrandom bytes, no record here\r\n", Ct);
        var good = new FileInfo(file).Length;
        await using (var stream = new FileStream(file, FileMode.Append))
        using (var warc = new WarcWriter(stream, gzip: false))
        {
            warc.WriteResponse("https://forum.example.org/t/3", CrawlHarness.Morning(3), 200, "text/html", Page("Drie"));
        }

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(2);
        result.Problems.ShouldBe([$"record 2 at byte {broken}: missing or invalid Content-Length 'banana'; skipped to the next record at byte {good}."]);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ads")).ShouldBe(2);
    }

    [Fact]
    public async Task ImportAsync_KeepsEarlierRecordsAndStopsCleanly_WhenWarcIsTruncated()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "truncated.warc");
        await WriteWarcAsync(file, false, ("https://forum.example.org/t/1", Page("Een")), ("https://forum.example.org/t/2", Page("Twee")));
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        await File.WriteAllBytesAsync(file, bytes[..^60], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("record 2 at byte ");
        problem.ShouldContain("(truncated); the rest of the file was not read.");
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions")).ShouldBe(1);
    }

    [Fact]
    public async Task ImportAsync_SaysNotGzip_WhenAWarcGzIsRandomBytes()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "random.warc.gz");
        await File.WriteAllBytesAsync(file, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(0);
        result.Problems.ShouldHaveSingleItem().ShouldStartWith("not gzip data at byte 0 (uncompressed)");
    }

    [Fact]
    public async Task ImportAsync_ReadsOnAfterCorruptGzip_KeepingTheMembersBefore()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "damaged.warc.gz");
        await WriteWarcAsync(file, true, ("https://forum.example.org/t/1", Page("Een")));
        await File.AppendAllBytesAsync(file, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad, 0xbe, 0xef, 0xff, 0xff, 0xff], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        result.Problems.ShouldHaveSingleItem().ShouldContain("the rest of the file was not read.");
    }

    [Fact]
    public async Task ImportAsync_KeepsEarlierMembers_WhenAWarcGzIsCutOff()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "cut.warc.gz");
        await WriteWarcAsync(file, true, ("https://forum.example.org/t/1", Page("Een")), ("https://forum.example.org/t/2", Page("Twee")));
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        await File.WriteAllBytesAsync(file, bytes[..^40], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        result.Problems.ShouldHaveSingleItem().ShouldContain("the rest of the file was not read.");
    }

    [Fact]
    public async Task ImportAsync_SkipsAWarcRecordOverTheSiteBudget_NamingOffsetAndSize()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "huge.warc");
        var huge = new byte[6_000_000];
        Array.Fill(huge, (byte)'a');
        await WriteWarcAsync(file, false, ("https://forum.example.org/t/1", huge), ("https://forum.example.org/t/2", Page("Twee")));

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.ShouldStartWith("record 1 at byte 0: block of 60000");
        problem.ShouldContain($"larger than the limit of {5_000_000 + 64 * 1024} bytes (Limits.MaxBodyBytes of the site); skipped unread.");
    }

    [Fact]
    public async Task ImportAsync_SkipsJsonLinesOverTheBudget_NamingTheLine()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "huge.jsonl");
        var big = new string('a', 6_000_000);
        var enormous = new string('b', 11_000_000);
        await File.WriteAllLinesAsync(file,
        [
            $$"""{"site": "oud-forum", "url": "https://forum.example.org/t/1", "observedAt": "2023-02-01T09:00:00Z", "text": "{{big}}"}""",
            $$"""{"site": "oud-forum", "url": "https://forum.example.org/t/2", "observedAt": "2023-02-01T09:00:00Z", "text": "{{enormous}}"}""",
            """{"site": "oud-forum", "url": "https://forum.example.org/t/3", "observedAt": "2023-02-01T09:00:00Z", "text": "Nieuw in Putten"}""",
        ], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        result.Problems.Count.ShouldBe(2);
        result.Problems[0].ShouldBe("line 1: page of 6000000 bytes is larger than site 'oud-forum' allows (Limits.MaxBodyBytes = 5000000); skipped.");
        result.Problems[1].ShouldStartWith("line 2: 11000");
        result.Problems[1].ShouldContain("bytes, longer than the limit of");
    }

    [Fact]
    public async Task ImportAsync_NamesTheFieldAndLine_WhenAJsonValueHasTheWrongType()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "types.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"site": "oud-forum", "url": "https://forum.example.org/t/1", "observedAt": 12, "text": "x"}""",
            """{"site": "oud-forum", "url": ["https://forum.example.org/t/2"], "observedAt": "2023-02-01T09:00:00Z", "text": "x"}""",
        ], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(0);
        result.Problems.ShouldBe(
        [
            "line 1: 'observedAt' has the wrong type or format (expected an ISO-8601 date-time, e.g. 2023-03-01T10:15:00Z).",
            "line 2: 'url' has the wrong type or format (expected a string).",
        ]);
    }

    [Fact]
    public async Task ImportAsync_RejectsForgedSiteNamesAndHosts()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "sites.jsonl");
        string[] names = ["<script>", "../../etc/passwd", new string('a', 5000), "Kontaktbord", "kontaktbord\n"];
        await File.WriteAllLinesAsync(file,
        [
            .. names.Select((n, i) => $$"""{"site": {{JsonSerializer.Serialize(n)}}, "url": "https://forum.example.org/t/{{i}}", "observedAt": "2023-02-01T09:00:00Z", "text": "x"}"""),
            """{"site": "kontaktbord", "url": "http://10.0.0.1/advertentie/x1", "observedAt": "2023-02-01T09:00:00Z", "text": "x"}""",
            """{"site": "oud-forum", "url": "https://forum.example.org/t/9", "observedAt": "2023-02-01T09:00:00Z", "text": "x"}""",
        ], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(1);
        result.Problems.Count.ShouldBe(6);
        result.Problems.Take(5).ShouldAllBe(p => p.Contains("'site' must be a lower-case name of letters, digits and '-'"));
        result.Problems[2].Length.ShouldBeLessThan(200);
        result.Problems[5].ShouldBe("line 6: 'url' host '10.0.0.1' is not one of site 'kontaktbord''s hosts (its baseUrl and allowedHosts); skipped.");
        (await h.ScalarAsync("SELECT COUNT(*) FROM sites WHERE name <> 'oud-forum'")).ShouldBe(0);
    }

    [Fact]
    public async Task ImportAsync_RejectsObservationsInTheFuture()
    {
        await using var h = await CrawlHarness.StartAsync();
        var jsonl = FileIn(h, "future.jsonl");
        var warc = FileIn(h, "future.warc");
        await File.WriteAllLinesAsync(jsonl,
        [
            """{"site": "oud-forum", "url": "https://forum.example.org/t/1", "observedAt": "9999-12-31T00:00:00Z", "text": "x"}""",
        ], Ct);
        await using (var stream = File.Create(warc))
        using (var writer = new WarcWriter(stream, gzip: false))
        {
            writer.WriteResponse("https://forum.example.org/t/2", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), 200, "text/html", Page("Later"));
        }

        var fromJson = await ImportAsync(h, jsonl);
        var fromWarc = await ImportAsync(h, warc);

        fromJson.Imported.ShouldBe(0);
        fromJson.Problems.ShouldHaveSingleItem().ShouldStartWith("line 1: 'observedAt' 9999-12-31T00:00:00+00:00 is in the future (later than ");
        fromWarc.Imported.ShouldBe(0);
        fromWarc.Problems.ShouldHaveSingleItem().ShouldStartWith("record 1 at byte 0: WARC-Date 9999-12-31T00:00:00+00:00 is in the future");
        (await h.ScalarAsync("SELECT COUNT(*) FROM observations")).ShouldBe(0);
    }

    [Fact]
    public async Task ImportAsync_StoresTextWithoutNul_AndEveryLineAfterIt()
    {
        await using var h = await CrawlHarness.StartAsync();
        var file = FileIn(h, "nul.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"site": "oud-forum", "url": "https://forum.example.org/t/1", "observedAt": "2023-02-01T09:00:00Z", "text": "Nieuw\u0000 in Putten"}""",
            """{"site": "oud-forum", "url": "https://forum.example.org/t/2", "observedAt": "2023-02-01T09:00:00Z", "html": "<h1>Mi\u0000la</h1><p>bel 06\u00001234</p>"}""",
        ], Ct);

        var result = await ImportAsync(h, file);

        result.Imported.ShouldBe(2);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE body_text = 'Nieuw in Putten'")).ShouldBe(1);
        (await h.ScalarAsync("SELECT COUNT(*) FROM ad_versions WHERE instr(COALESCE(title, '') || body_text, char(0)) > 0")).ShouldBe(0);
    }
}
