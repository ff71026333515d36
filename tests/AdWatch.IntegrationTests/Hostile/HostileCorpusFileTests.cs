using System.Text;
using System.Text.Json;
using AdWatch.DemoSites.Hostile;
using AdWatch.Evidence;
using AdWatch.IntegrationTests.Cli;
using AdWatch.IntegrationTests.Crawling;
using AdWatch.Sites;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Hostile;

/// <summary>
/// The hostile-input corpus (issue 16) through the paths that read files: <c>adwatch import</c> of JSONL and of WARC, and
/// <c>adwatch extract --jsonl</c> (the real executable). Each case is stored whole or skipped with its line or byte offset
/// named; the import reads on after every bad one; nothing is half-written; extraction answers every line.
/// </summary>
public sealed class HostileCorpusFileTests
{
    private static readonly Uri Base = new("http://127.0.0.1:5099/");
    private static readonly DateTimeOffset At = new(2023, 3, 6, 8, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Url(HostileCase c) => new Uri(Base, "/ad/" + c.Name).AbsoluteUri;

    private static async Task<CrawlHarness> HarnessAsync()
    {
        var h = await CrawlHarness.StartAsync();
        h.Services.GetRequiredService<SiteCatalog>().Put(SiteDefinitionLoader.LoadText(HostileSite.DefinitionYaml(Base), "hostile.yaml"));
        return h;
    }

    private static string JsonLine(HostileCase c, int minute) => JsonSerializer.Serialize(new
    {
        site = HostileSite.Name,
        url = Url(c),
        observedAt = At.AddMinutes(minute),
        html = Encoding.UTF8.GetString(c.Body()),
    });

    [Fact]
    public async Task ImportJsonl_StoresOrSkipsEachCase_AndReadsOnAfterEveryBadLine()
    {
        await using var h = await HarnessAsync();
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "hostile.jsonl");
        var lines = HostileCorpus.Cases.Select((c, i) => JsonLine(c, i)).ToList();
        // Hostile as JSON: 100,000 nested arrays (past any sane depth), a line that is no JSON at all, a last line cut off.
        lines.Insert(3, "{\"site\":\"hostile\",\"url\":\"" + Url(HostileCorpus.Cases[0]) + "\",\"deep\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        lines.Insert(7, "\u001b[2J\0 not json {{{");
        await File.WriteAllTextAsync(file, string.Join("\n", lines) + "\n{\"site\":\"hostile\",\"url\":\"" + Url(HostileCorpus.Cases[1]) + "\",\"html\":\"<p>afgebr", Ct);

        var result = await h.Services.GetRequiredService<AdImporter>().ImportAsync(file, Ct);

        var refused = HostileCorpus.Cases.Count(c => c.Import == HostileOutcome.Refused);
        result.Imported.ShouldBe(HostileCorpus.Cases.Count - refused);
        result.Problems.Count.ShouldBe(refused + 3, string.Join("\n", result.Problems));
        result.Problems.ShouldAllBe(p => p.StartsWith("line ") && !p.Contains('\n'));
        (await CorpusChecks.OutcomesAsync(h.Db.Database, c => c.Import, Url, extracted: false, Ct)).ShouldBeEmpty();
        (await CorpusChecks.HalfWrittenAsync(h.Db.Database, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ImportWarc_StoresOrSkipsEachCase_AndReadsOnAfterAGzipBombMember()
    {
        await using var h = await HarnessAsync();
        var file = Path.Combine(Path.GetDirectoryName(h.Db.Path)!, "hostile.warc.gz");
        await using (var stream = File.Create(file))
        {
            using var warc = new WarcWriter(stream, gzip: true);
            var minute = 0;
            foreach (var c in HostileCorpus.Cases)
            {
                warc.WriteResponse(Url(c), At.AddMinutes(minute++), 200, "text/html; charset=utf-8", c.Body());
                if (minute == 4)
                {
                    await stream.FlushAsync(Ct);
                    HostileCorpus.WriteWarcBombMember(stream, Base);
                }
            }
        }

        var result = await h.Services.GetRequiredService<AdImporter>().ImportAsync(file, Ct);

        var refused = HostileCorpus.Cases.Count(c => c.Import == HostileOutcome.Refused);
        result.Imported.ShouldBe(HostileCorpus.Cases.Count - refused, string.Join("\n", result.Problems));
        result.Problems.Count.ShouldBe(refused + 1, string.Join("\n", result.Problems));
        result.Problems.ShouldAllBe(p => p.StartsWith("record ") && p.Contains(" at byte ") && !p.Contains('\n'));
        (await CorpusChecks.OutcomesAsync(h.Db.Database, c => c.Import, Url, extracted: false, Ct)).ShouldBeEmpty();
        (await CorpusChecks.HalfWrittenAsync(h.Db.Database, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ExtractJsonl_AnswersEveryLine_WithThePhoneItStates()
    {
        var input = string.Join("\n", HostileCorpus.Cases.Select(c => JsonSerializer.Serialize(new { id = c.Name, html = Encoding.UTF8.GetString(c.Body()) })));

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(RepoPaths.Root, input, null, TimeSpan.FromMinutes(3), ["extract", "--jsonl"]);

        exit.ShouldBe(0, stderr);
        var answers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        answers.Select(a => a.GetProperty("id").GetString()).ShouldBe(HostileCorpus.Cases.Select(c => c.Name));
        foreach (var (c, answer) in HostileCorpus.Cases.Zip(answers))
        {
            var phones = answer.GetProperty("phones").EnumerateArray().Select(p => p.GetProperty("e164").GetString()).ToList();
            if (c.Phone is not null && c.Import == HostileOutcome.Stored)
            {
                phones.ShouldContain(c.Phone, c.Name);
            }
            phones.Count.ShouldBeLessThanOrEqualTo(3, c.Name);
            if (c.Postcode is not null)
            {
                answer.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("postcode").GetString()).ShouldContain(c.Postcode, c.Name);
            }
        }
    }
}
