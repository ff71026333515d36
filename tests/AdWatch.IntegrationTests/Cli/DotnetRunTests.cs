using System.Diagnostics;

namespace AdWatch.IntegrationTests.Cli;

/// <summary>
/// <c>dotnet run --project src/AdWatch.Web -- demo</c> (the README's first command) runs in the folder it is typed in, as the
/// built <c>adwatch</c> does, so <c>data/demo.db</c> lands where the README says, not in <c>src/AdWatch.Web/data/</c>.
/// </summary>
public sealed class DotnetRunTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-run-");

    [Fact]
    public async Task DotnetRun_WorksInTheFolderItIsTypedIn()
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _dir.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "msbuild", Path.Combine(RepoPaths.Root, "src", "AdWatch.Web", "AdWatch.Web.csproj"), "-getProperty:RunWorkingDirectory", "-nologo" },
        };
        using var msbuild = Process.Start(info)!;
        var output = await msbuild.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await msbuild.WaitForExitAsync(TestContext.Current.CancellationToken);

        msbuild.ExitCode.ShouldBe(0, output);
        Path.TrimEndingDirectorySeparator(output.Trim()).ShouldBe(Path.TrimEndingDirectorySeparator(_dir.FullName));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
