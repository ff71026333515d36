using System.Text.Json;
using AdWatch.Extraction;
using AdWatch.Geocoding;
using Microsoft.Extensions.Configuration;
using AdWatch.Tests.Geocoding;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.Tests.Extraction;

public sealed class ExtractRunnerTests
{
    private static readonly IndicatorLexicon Lexicon = IndicatorLexiconLoader.Load(RepoFiles.Path("config", "indicators.yaml"));

    private static ExtractRunner Runner() =>
        new(new GeocodingExtractor(new AdExtractor(new AdTextReader(), new PhoneExtractor(), RegionFixture.Addresses(), Lexicon), new FakeGeocoder()));

    private static async Task<(int Code, string Output, string Errors)> RunAsync(string input, bool jsonl)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await Runner().RunAsync(new StringReader(input), output, errors, jsonl, TestContext.Current.CancellationToken);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task RunAsync_WritesContractShape_ForJsonlLine()
    {
        var (code, output, errors) = await RunAsync("""{"id": "ad-1", "text": "Nieuw in Harderwijk! Bel 06-12 34 56 78"}""", jsonl: true);

        code.ShouldBe(0);
        errors.ShouldBeEmpty();
        output.TrimEnd().ShouldBe("""
            {"id":"ad-1","phones":[{"e164":"+31612345678","raw":"06-12 34 56 78","obfuscated":false}],"addresses":[{"raw":"3841 AB Harderwijk","street":null,"houseNumber":null,"postcode":"3841AB","place":"Harderwijk","municipalityCode":"GM0243","inRegion":true,"precision":"postcode","lat":52.349,"lon":5.622}],"indicators":[{"code":"new-in-town","evidence":"Nieuw in Harderwijk"}]}
            """);
    }

    [Fact]
    public async Task RunAsync_ReportsBadLineByNumber_AndContinues()
    {
        var input = string.Join('\n',
            """{"id": 1, "text": "bel 0612345678"}""",
            """{"id": 2, "text": broken""",
            "",
            """{"id": 3}""",
            """{"id": "4", "html": "<p>App <a href='https://wa.me/34612345678'>hier</a></p>"}""");

        var (code, output, errors) = await RunAsync(input, jsonl: true);

        code.ShouldBe(1);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetInt32().ShouldBe(1);
        var second = JsonDocument.Parse(lines[1]).RootElement;
        second.GetProperty("id").GetString().ShouldBe("4");
        second.GetProperty("phones")[0].GetProperty("e164").GetString().ShouldBe("+34612345678");
        errors.ShouldContain("line 2: not valid JSON");
        errors.ShouldContain("line 4: expected a string field");
    }

    [Fact]
    public async Task RunAsync_DetectsHtml_WhenSingleAd()
    {
        var (code, output, _) = await RunAsync("<html><body><script>x='0611111111'</script><p>Bel O6-12345678</p></body></html>", jsonl: false);

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.TryGetProperty("id", out _).ShouldBeFalse();
        root.GetProperty("phones").GetArrayLength().ShouldBe(1);
        root.GetProperty("phones")[0].GetProperty("obfuscated").GetBoolean().ShouldBeTrue();
        root.GetProperty("indicators")[0].GetProperty("code").GetString().ShouldBe("obscured-phone");
        root.GetProperty("addresses").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task AddAdWatchGeocoding_ResolvesRunner_WithGeocoder()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Extraction:IndicatorsPath"] = RepoFiles.Path("config", "indicators.yaml"),
                ["Region:DataFolder"] = RegionFixture.DataFolder,
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IGeocoder, FakeGeocoder>().AddAdWatchGeocoding(config);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var runner = provider.GetRequiredService<ExtractRunner>();
        using var output = new StringWriter();
        (await runner.RunAsync(new StringReader("bel 0612345678"), output, TextWriter.Null, false, TestContext.Current.CancellationToken)).ShouldBe(0);
        output.ToString().ShouldContain("+31612345678");
    }

    [Fact]
    public async Task RunAsync_WritesWholeLines_InBlocksOfAbout64KB()
    {
        // The CLI hands the runner a buffered standard output; the runner decides when it is written: after whole lines,
        // about every ExtractRunner.FlushChars, not once per ad.
        var input = string.Join('\n', Enumerable.Range(1, 600).Select(i =>
            $$"""{"id": {{i}}, "text": "Nieuw in Harderwijk! Bel 06-1555 {{i:0000}} of app {{i % 7}} keer, 3841 AB"}"""));
        var (_, expected, _) = await RunAsync(input, jsonl: true);
        var stream = new RecordingStream();
        await using var output = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 20);

        var code = await Runner().RunAsync(new StringReader(input), output, TextWriter.Null, jsonl: true, TestContext.Current.CancellationToken);

        code.ShouldBe(0);
        var bytes = System.Text.Encoding.UTF8.GetByteCount(expected);
        bytes.ShouldBeGreaterThan(3 * ExtractRunner.FlushChars);
        stream.Writes.Count.ShouldBeInRange(2, bytes / ExtractRunner.FlushChars + 1);
        stream.Writes.ShouldAllBe(w => w.EndsWith('\n'));
        string.Concat(stream.Writes).ShouldBe(expected);
    }

    [Fact]
    public async Task RunAsync_WritesTheAnswersSoFar_BeforeWaitingForTheNextLine()
    {
        // A program that feeds one ad and waits for its line must get it, though the output is buffered.
        var ct = TestContext.Current.CancellationToken;
        var lines = System.Threading.Channels.Channel.CreateUnbounded<string?>();
        var stream = new RecordingStream();
        await using var output = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 20);
        await lines.Writer.WriteAsync("""{"id": 1, "text": "bel 0612345678"}""", ct);

        var run = Runner().RunAsync(new ChannelReader(lines.Reader), output, TextWriter.Null, jsonl: true, ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(1)); // a bound on waiting, not a speed check: the line is due before the next read
        while (stream.Writes.Count == 0 && !run.IsCompleted && !limit.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }
        var first = stream.Writes.ToList();
        lines.Writer.Complete();
        (await run).ShouldBe(0);

        first.Count.ShouldBe(1);
        first[0].ShouldStartWith("""{"id":1,"phones":[{"e164":"+31612345678",""");
        first[0].ShouldEndWith("}\n");
    }

    /// <summary>A stream that keeps each write as text: what a pipe on standard output would receive, call by call.</summary>
    private sealed class RecordingStream : Stream
    {
        private readonly List<string> _writes = [];

        public IReadOnlyList<string> Writes { get { lock (_writes) { return [.. _writes]; } } }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_writes)
            {
                _writes.Add(System.Text.Encoding.UTF8.GetString(buffer, offset, count));
            }
        }
    }

    /// <summary>Lines as a pipe delivers them: the next one may not be there yet.</summary>
    private sealed class ChannelReader(System.Threading.Channels.ChannelReader<string?> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await lines.WaitToReadAsync(cancellationToken) && lines.TryRead(out var line) ? line : null;
    }
}
