using System.Diagnostics;
using System.Text;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>Runs the real <c>adwatch</c> executable (via <c>dotnet adwatch.dll</c>) in a working directory of the test's own.</summary>
internal sealed class AdwatchProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private AdwatchProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stdout) { _stdout.AppendLine(e.Data); } } };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }
    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>The process's standard input, for tests that feed it while it runs.</summary>
    public StreamWriter StandardInput => _process.StandardInput;

    public static AdwatchProcess Start(string workingDirectory, params string[] args) => Start(workingDirectory, null, args);

    public static AdwatchProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        // Through env --default-signal=INT: a test run started in the background (CI) inherits SIGINT as ignored, and .NET keeps an
        // ignored SIGINT ignored, so Ctrl+C tests would see no signal at all; a terminal user's adwatch has the default.
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(RepoPaths.AdwatchDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return new AdwatchProcess(Process.Start(info)!);
    }

    /// <summary>Runs to completion; returns the exit code.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, null, args);

    /// <summary>Runs to completion with <paramref name="stdin"/> as standard input; returns the exit code.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, string? stdin, string[] args) =>
        RunAsync(workingDirectory, stdin, null, TimeSpan.FromMinutes(2), args);

    /// <summary>Runs to completion with extra environment variables and a time limit.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, string? stdin,
        IReadOnlyDictionary<string, string>? environment, TimeSpan limit, string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        if (stdin is not null)
        {
            await process._process.StandardInput.WriteLineAsync(stdin);
        }
        process._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit);
        await process._process.WaitForExitAsync(timeout.Token);
        process._process.WaitForExit(); // drains the async output readers
        return (process._process.ExitCode, process.Stdout, process.Stderr);
    }

    /// <summary>Sends SIGINT (Ctrl+C) to the process, as a terminal would.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"adwatch did not exit within {limit.TotalSeconds:0} s; its stderr so far:\n{Stderr}");
        }
        _process.WaitForExit(); // drains the async output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
