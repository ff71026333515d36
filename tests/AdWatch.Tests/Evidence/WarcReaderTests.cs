using System.Text;
using AdWatch.Evidence;

namespace AdWatch.Tests.Evidence;

public sealed class WarcReaderTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"warc-{Guid.NewGuid():N}.warc");

    private static string Record(string uri, string body) =>
        $"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: {uri}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}\r\n\r\n";

    private List<WarcEntry> Scan(string content, long budget = 1_000_000)
    {
        File.WriteAllText(_file, content);
        return [.. WarcReader.Scan(_file, _ => budget)];
    }

    [Fact]
    public void Scan_ResyncsAtTheNextRecord_WhenGarbageHoldsALineLongerThanAnyHeader()
    {
        var garbage = new string('x', 200_000) + "\n";
        var entries = Scan(garbage + Record("https://a.test/1", "een"));

        entries.Count.ShouldBe(2);
        entries[0].Problem.ShouldBe($"record 1 at byte 0: expected 'WARC/1.x', found '{new string('x', 40)}…'; skipped to the next record at byte {garbage.Length}.");
        entries[1].Record.ShouldNotBeNull().TargetUri.ShouldBe("https://a.test/1");
        entries[1].Offset.ShouldBe(garbage.Length);
    }

    [Fact]
    public void Scan_SkipsAHeaderOverTheLimit_AndReadsOn()
    {
        var huge = "WARC/1.1\r\nX-Padding: " + new string('p', 70_000) + "\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
        var entries = Scan(huge + Record("https://a.test/2", "twee"));

        entries[0].Problem.ShouldNotBeNull().ShouldContain("header larger than 65536 bytes; skipped to the next record at byte");
        entries[1].Record.ShouldNotBeNull().TargetUri.ShouldBe("https://a.test/2");
    }

    [Fact]
    public void Scan_SkipsABlockOverTheBudgetUnread_AndReadsOn()
    {
        var entries = Scan(Record("https://a.test/1", new string('a', 500)) + Record("https://a.test/2", "twee"), budget: 100);

        entries[0].Problem.ShouldBe("record 1 at byte 0: block of 500 bytes is larger than the limit of 100 bytes (Limits.MaxBodyBytes of the site); skipped unread.");
        entries[1].Record.ShouldNotBeNull().Block.ShouldBe("twee"u8.ToArray());
    }

    [Fact]
    public void Scan_StopsCleanly_WhenTheFileEndsInsideAHeader()
    {
        var entries = Scan(Record("https://a.test/1", "een") + "WARC/1.1\r\nWARC-Type: resp");

        entries[0].Record.ShouldNotBeNull();
        entries[1].Problem.ShouldNotBeNull().ShouldEndWith("the file ends inside the record's header (truncated); the rest of the file was not read.");
        entries.Count.ShouldBe(2);
    }

    [Fact]
    public void Read_Throws_AtTheFirstProblem()
    {
        File.WriteAllText(_file, "not a warc\n");

        Should.Throw<FormatException>(() => WarcReader.Read(_file).ToList()).Message.ShouldContain("no further record in the file");
    }

    public void Dispose() => File.Delete(_file);
}
