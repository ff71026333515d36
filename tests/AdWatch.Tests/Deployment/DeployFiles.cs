namespace AdWatch.Tests.Deployment;

/// <summary>The repository's deployment files (deploy/, publiccode.yml, SECURITY.md, …), found by walking up to AdWatch.sln.</summary>
internal static class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(Path(parts));

    /// <summary>The KEY=value lines of an env file (comments and blank lines skipped).</summary>
    public static Dictionary<string, string> EnvFile(params string[] parts) =>
        File.ReadAllLines(Path(parts))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AdWatch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("AdWatch.sln not found above " + AppContext.BaseDirectory);
    }
}
