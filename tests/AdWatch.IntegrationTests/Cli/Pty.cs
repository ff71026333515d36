using System.Diagnostics;
using System.Globalization;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// Runs the real <c>adwatch</c> on a pseudo-terminal (a detached tmux pane of a private tmux server) and reads the screen as
/// a person would see it: what is left after every redraw, with the scrollback, wrapped lines joined.
/// </summary>
internal static class Pty
{
    public const string Tmux = "/usr/bin/tmux";

    public static bool Available => File.Exists(Tmux);

    /// <summary>
    /// Runs adwatch in a pane of <paramref name="width"/> × <paramref name="height"/>; returns its exit code and the screen once it
    /// exits, or (exit code null) the screen as soon as <paramref name="until"/> holds for it.
    /// </summary>
    public static async Task<(int? ExitCode, List<string> Screen)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        string[] args, TimeSpan limit, Func<List<string>, bool>? until = null, int width = 140, int height = 60)
    {
        var socket = $"adwatch-test-{Guid.NewGuid():N}";
        var exitFile = Path.Combine(workingDirectory, $".{socket}.exit");
        var variables = (environment ?? new Dictionary<string, string>()).Select(kv => Quote($"{kv.Key}={kv.Value}"));
        var command = $"cd {Quote(workingDirectory)} && env -u ASPNETCORE_URLS {string.Join(' ', variables)} dotnet {Quote(RepoPaths.AdwatchDll)} " +
                      $"{string.Join(' ', args.Select(Quote))}; echo $? > {Quote(exitFile)}; sleep 600";
        await TmuxAsync(socket, "new-session", "-d", "-x", width.ToString(CultureInfo.InvariantCulture),
            "-y", height.ToString(CultureInfo.InvariantCulture), "-s", "adwatch", command);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                var exited = File.Exists(exitFile) && (await File.ReadAllTextAsync(exitFile)).Trim() is { Length: > 0 } code ? code : null;
                var screen = await ScreenAsync(socket);
                if (exited is not null)
                {
                    return (int.Parse(exited, CultureInfo.InvariantCulture), screen);
                }
                if (until?.Invoke(screen) == true)
                {
                    return (null, screen);
                }
                if (deadline.Elapsed > limit)
                {
                    throw new TimeoutException($"adwatch {string.Join(' ', args)} did not finish within {limit.TotalSeconds:0} s; the screen:\n{string.Join('\n', screen)}");
                }
                await Task.Delay(250);
            }
        }
        finally
        {
            await TmuxAsync(socket, "kill-server");
            File.Delete(exitFile);
        }
    }

    private static async Task<List<string>> ScreenAsync(string socket)
    {
        var text = await TmuxAsync(socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "adwatch");
        var lines = text.Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    private static async Task<string> TmuxAsync(string socket, params string[] args)
    {
        var info = new ProcessStartInfo(Tmux) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-L", socket, "-f", "/dev/null", .. args])
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("TMUX");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
