namespace AdWatch.IntegrationTests;

/// <summary>Finds the repository and the built <c>adwatch</c> app from the test binary's location.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>adwatch.dll as built next to these tests (the Web project is a project reference, so it is current).</summary>
    public static string AdwatchDll { get; } = Path.Combine(AppContext.BaseDirectory, "adwatch.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"AdWatch.sln not found above {AppContext.BaseDirectory}");
    }
}
