namespace AdWatch.Tests.Extraction;

/// <summary>Files checked in at the repository root (config/, eval sets), found by walking up to AdWatch.sln.</summary>
internal static class RepoFiles
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "AdWatch.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("AdWatch.sln not found above " + AppContext.BaseDirectory);
        }

        return System.IO.Path.Combine([dir.FullName, .. parts]);
    }
}
