using System.Text.Json;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// <c>adwatch extract --jsonl</c> on the real executable: standard output is buffered (a few <c>write()</c> calls, not ~2.4 per ad),
/// yet a program that feeds ads and waits gets each answer, and an interrupted run leaves only whole lines.
/// </summary>
public sealed class ExtractOutputTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-extract-");

    [Fact]
    public async Task ExtractJsonl_WritesInBlocks_AnswersWhatItWasFed_AndLeavesWholeLinesWhenInterrupted()
    {
        var ct = TestContext.Current.CancellationToken;
        const int ads = 2000;
        using var process = AdwatchProcess.Start(_dir.FullName, "--db", Path.Combine(_dir.FullName, "a.db"), "extract", "--jsonl");
        await process.StandardInput.WriteAsync(string.Concat(Enumerable.Range(1, ads).Select(Ad)).AsMemory(), ct);
        await process.StandardInput.FlushAsync(ct);

        // stdin stays open: the answers must come all the same, once the process waits for more.
        await WaitForLinesAsync(process, ads, ct);
        var writes = WriteCalls(process.ProcessId);
        await process.StandardInput.WriteAsync(Ad(ads + 1).AsMemory(), ct);
        await process.StandardInput.FlushAsync(ct);
        await WaitForLinesAsync(process, ads + 1, ct);
        process.Interrupt();
        var exit = await process.WaitForExitAsync(TimeSpan.FromMinutes(1));

        // Unbuffered, 2,000 ads took ~4,800 write() calls (a line and its newline each, plus logs); buffered, a few per 64 KB.
        writes.ShouldBeLessThan(ads / 4, $"write() calls of the process after {ads} ads");
        exit.ShouldBe(130);
        var lines = process.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(ads + 1);
        for (var i = 0; i < lines.Length; i++)
        {
            var root = JsonDocument.Parse(lines[i]).RootElement; // whole lines only: each parses
            root.GetProperty("id").GetInt32().ShouldBe(i + 1);
            root.GetProperty("phones")[0].GetProperty("e164").GetString().ShouldBe($"+3161555{i + 1:0000}");
        }
    }

    private static string Ad(int i) =>
        $$"""{"id": {{i}}, "text": "Nieuw in Harderwijk! Bel 06-1555 {{i:0000}}, Stationsplein 3"}""" + "\n";

    private static async Task WaitForLinesAsync(AdwatchProcess process, int count, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromMinutes(3));
        while (process.Stdout.Count(c => c == '\n') < count)
        {
            if (process.HasExited || limit.IsCancellationRequested)
            {
                throw new ShouldAssertException($"adwatch wrote {process.Stdout.Count(c => c == '\n')} of {count} lines " +
                                                $"(exited: {process.HasExited}); stderr:\n{process.Stderr}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    /// <summary>The <c>write()</c>-family system calls the process has made so far (Linux <c>/proc/PID/io</c>, <c>syscw</c>).</summary>
    private static long WriteCalls(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/io").First(l => l.StartsWith("syscw:", StringComparison.Ordinal))["syscw:".Length..].Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => _dir.Delete(recursive: true);
}
