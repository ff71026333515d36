namespace AdWatch.IntegrationTests.Cli;

/// <summary><c>adwatch import</c> on the real executable with broken files: one line per problem, escaped, no stack trace, exit 1.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-import-");

    [Fact]
    public async Task Import_ExitsOneWithOneLine_WhenAWarcGzIsNotGzip()
    {
        await File.WriteAllBytesAsync(Path.Combine(_dir.FullName, "random.warc.gz"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))],
            TestContext.Current.CancellationToken);

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "import", "random.warc.gz");

        exit.ShouldBe(1, stderr);
        stderr.ShouldContain("random.warc.gz: not gzip data at byte 0 (uncompressed)");
        stderr.ShouldContain("nothing imported (1 of 1 lines or records skipped)");
        stderr.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Import_EscapesControlCharacters_AndBoundsTheProblemLines()
    {
        var lines = Enumerable.Range(1, 30).Select(i =>
            $$"""{"site": "evil\u001b[2J\u202e{{i}}", "url": "https://forum.example.org/t/{{i}}", "observedAt": "2023-02-01T09:00:00Z", "text": "x"}""");
        await File.WriteAllLinesAsync(Path.Combine(_dir.FullName, "evil.jsonl"), lines, TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "import", "evil.jsonl");

        exit.ShouldBe(1, stderr);
        stderr.ShouldNotContain("\u001b");
        stderr.ShouldNotContain("\u202e");
        stdout.ShouldNotContain("\u001b");
        stderr.ShouldContain("evil.jsonl: line 1: 'site' must be a lower-case name");
        stderr.ShouldContain("evil\\u001B[2J\\u202E1");
        stderr.Split('\n').Count(l => l.StartsWith("evil.jsonl: line ", StringComparison.Ordinal)).ShouldBe(20);
        stderr.ShouldContain("evil.jsonl: … and 10 more skipped (30 of 30 skipped in all).");
        stderr.ShouldNotContain("   at ");
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
