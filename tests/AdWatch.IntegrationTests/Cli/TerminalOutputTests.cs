using System.Text.RegularExpressions;
using AdWatch.DemoSites.Scenario;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// What a person sees on a terminal, read from the screen of a pseudo-terminal (tmux): the demo shows one progress line and
/// its summary, no log lines; warnings pass above the progress line whole; <c>--verbose</c> brings the logs back; the set-up
/// link and the demo's accounts stand out.
/// </summary>
public sealed partial class TerminalOutputTests(TerminalOutputTests.DemoScreen demo) : IClassFixture<TerminalOutputTests.DemoScreen>, IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private static readonly Dictionary<string, string> NoBrowser = new() { ["ADWATCH__Browser__ChromiumPath"] = "/nonexistent/chromium" };
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-tty-");

    [Fact]
    public void Demo_ShowsExactlyOneProgressLine_FilledAtTheEnd()
    {
        var screen = demo.Screen();

        screen.Where(l => ProgressLine().IsMatch(l)).ShouldHaveSingleItem(Show(screen)).ShouldContain("100%");
        screen.ShouldContain(l => l.StartsWith("demo: crawled 365 simulated days", StringComparison.Ordinal), Show(screen));
    }

    [Fact]
    public void Demo_ShowsTheReadableSummary_WithTheFlaggedHouses()
    {
        var screen = demo.Screen();

        screen.ShouldContain("4 flagged location(s) — leads for human review only:", Show(screen));
        foreach (var house in Harderwijk2023Scenario.Houses)
        {
            screen.ShouldContain(l => l.Contains(house, StringComparison.Ordinal), Show(screen));
        }
        screen.ShouldContain(l => l.StartsWith("Demo data: ", StringComparison.Ordinal), Show(screen));
    }

    [Fact]
    public void Demo_ShowsNoLogLines()
    {
        var screen = demo.Screen();

        screen.Where(l => LogLine().IsMatch(l)).ShouldBeEmpty(Show(screen));
    }

    [Fact]
    public async Task Warnings_PassAboveTheProgressLine_Whole_WhenTheConfigurationAsksForThem()
    {
        if (!Pty.Available)
        {
            Assert.Skip($"needs tmux at {Pty.Tmux} (apt-get install tmux).");
        }
        // An explicit level wins over the demo's quiet default: its crawler health warnings come while the progress line is live.
        var (exit, screen) = await Pty.RunAsync(_dir.FullName,
            new Dictionary<string, string>(NoBrowser) { ["Logging__LogLevel__AdWatch.Crawling.CrawlRunner"] = "Warning" },
            ["demo", "--no-serve"], Limit);

        exit.ShouldBe(0, Show(screen));
        var warnings = screen.Where(l => l.Contains("Crawler health warning", StringComparison.Ordinal)).ToList();
        warnings.ShouldNotBeEmpty(Show(screen));
        warnings.ShouldAllBe(l => HealthWarning().IsMatch(l), Show(screen));
        screen.Where(l => ProgressLine().IsMatch(l)).ShouldHaveSingleItem(Show(screen)).ShouldContain("100%");
        screen.ShouldContain("4 flagged location(s) — leads for human review only:", Show(screen));
    }

    [Fact]
    public async Task Verbose_BringsTheInformationLogsBack()
    {
        if (!Pty.Available)
        {
            Assert.Skip($"needs tmux at {Pty.Tmux} (apt-get install tmux).");
        }

        var (quietExit, quiet) = await Pty.RunAsync(_dir.FullName, null, ["--db", "quiet.db", "users", "list"], Limit);
        var (verboseExit, verbose) = await Pty.RunAsync(_dir.FullName, null, ["--db", "verbose.db", "--verbose", "users", "list"], Limit);

        quietExit.ShouldBe(0, Show(quiet));
        quiet.ShouldNotContain(l => l.Contains("Applied migration", StringComparison.Ordinal), Show(quiet));
        verboseExit.ShouldBe(0, Show(verbose));
        verbose.ShouldContain(l => l.StartsWith("info: Applied migration 0001", StringComparison.Ordinal), Show(verbose));
    }

    [Fact]
    public async Task Serve_ShowsTheSetupLink_OnALineOfItsOwn_UnderAHeading()
    {
        if (!Pty.Available)
        {
            Assert.Skip($"needs tmux at {Pty.Tmux} (apt-get install tmux).");
        }
        var port = LoopbackPort.Free();

        // 80 columns: the link is longer than many terminals are wide, and must still be one line to copy or click.
        var (_, screen) = await Pty.RunAsync(_dir.FullName, null, ["--db", "setup.db", "serve", "--urls", $"http://127.0.0.1:{port}"], Limit,
            // Until both lines are whole: a screen read while a line is being written shows half of it (this test once read
            // "AdWatch serves the dashboard at http://127.0.0.1:33253" before ". Ctrl+C stops it." had arrived).
            until: s => s.Any(l => SetupLink().IsMatch(l)) && s.Any(l => l.EndsWith("Ctrl+C stops it.", StringComparison.Ordinal)),
            width: 80);

        var heading = screen.FindIndex(l => l.StartsWith("── No accounts yet ─", StringComparison.Ordinal));
        heading.ShouldBeGreaterThanOrEqualTo(0, Show(screen));
        screen[heading + 1].ShouldBe("Create the administrator within 24 h (the link works once):", Show(screen));
        screen[heading + 2].ShouldMatch($@"^http://127\.0\.0\.1:{port}/account/setup\?token=[A-Za-z0-9_-]{{20,}}$", Show(screen));
        // Where it answers, once, though the "Now listening" log lines are off on a terminal.
        screen.ShouldContain($"AdWatch serves the dashboard at http://127.0.0.1:{port}. Ctrl+C stops it.", Show(screen));
        // A real server's warnings stay (here: its data-protection keys are not encrypted); Hangfire's start-up chatter does not.
        screen.Where(l => LogLine().IsMatch(l) && !l.StartsWith("warning: ", StringComparison.Ordinal)).ShouldBeEmpty(Show(screen));
    }

    [Fact]
    public async Task Demo_ShowsItsAccounts_InATable_WithoutLogLines()
    {
        if (!Pty.Available)
        {
            Assert.Skip($"needs tmux at {Pty.Tmux} (apt-get install tmux).");
        }
        var port = LoopbackPort.Free();

        var (_, screen) = await Pty.RunAsync(_dir.FullName, NoBrowser, ["demo", "--urls", $"http://127.0.0.1:{port}"], Limit,
            until: s => s.Contains("Press Ctrl+C to stop."));

        screen.ShouldContain($"Dashboard: http://127.0.0.1:{port} — sign in with one of these demo accounts:", Show(screen));
        string.Join(", ", screen.Select(l => AccountRow().Match(l)).Where(m => m.Success).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal))
            .ShouldBe("analist, analist-ermelo, beheerder, coordinator, politie", Show(screen));
        screen.Where(l => LogLine().IsMatch(l)).ShouldBeEmpty(Show(screen));
    }

    private static string Show(List<string> screen) => "the screen:\n" + string.Join('\n', screen);

    /// <summary>serve's one-time set-up link, whole (the token is 32 random bytes in base64url: 43 characters).</summary>
    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/account/setup\?token=[A-Za-z0-9_-]{43}$")]
    private static partial Regex SetupLink();

    /// <summary>The progress line: label, bar, percentage and elapsed time.</summary>
    [GeneratedRegex(@"^demo\s+\S+\s+\d{1,3}%\s+\d\d:\d\d:\d\d")]
    private static partial Regex ProgressLine();

    /// <summary>A log line in any console format: a level prefix, a leading timestamp or a JSON object.</summary>
    [GeneratedRegex(@"^(\s*(trce|dbug|info|warn|fail|crit|debug|warning|error):|\d\d:\d\d:\d\d\s|\s*\{"")")]
    private static partial Regex LogLine();

    /// <summary>A row of the demo's account table: name, this run's password, role, organisation.</summary>
    [GeneratedRegex(@"^│ (?<name>[a-z-]+)\s+│ [a-z2-9]{20}\s+│ (analyst|coordinator|admin)\s+│ [a-z0-9-]+\s+│$")]
    private static partial Regex AccountRow();

    /// <summary>A crawler health warning from its first word to its last, nothing of the progress line in it.</summary>
    [GeneratedRegex(@"^warning: Crawler health warning for [a-z-]+, run \d+ is suspect and removes no ads: \d+ ads, below 50 % of the rolling median \d+$")]
    private static partial Regex HealthWarning();

    public void Dispose()
    {
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a served process may still hold its database for a moment after the terminal closed
        }
    }

    /// <summary>One run of <c>adwatch demo --no-serve</c> on a 140 × 60 terminal, shared by the tests that read its screen.</summary>
    public sealed class DemoScreen : IAsyncLifetime
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-tty-demo-");
        private List<string>? _screen;

        public List<string> Screen()
        {
            if (!Pty.Available)
            {
                Assert.Skip($"needs tmux at {Pty.Tmux} (apt-get install tmux).");
            }
            return _screen!;
        }

        public async ValueTask InitializeAsync()
        {
            if (!Pty.Available)
            {
                return;
            }
            var (exit, screen) = await Pty.RunAsync(_dir.FullName, NoBrowser, ["demo", "--no-serve"], Limit);
            exit.ShouldBe(0, Show(screen));
            _screen = screen;
        }

        public ValueTask DisposeAsync()
        {
            _dir.Delete(recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
