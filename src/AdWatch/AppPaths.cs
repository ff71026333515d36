namespace AdWatch;

/// <summary>
/// Where relative paths in configuration point: the working directory first (a deployment's own config/ and crawlers/),
/// else the folder of the binary (the defaults shipped next to <c>adwatch</c>), so <c>adwatch</c> runs from any folder.
/// </summary>
public static class AppPaths
{
    /// <summary>The file or folder as an absolute path: as given when rooted, else the first of the two places where it exists,
    /// else its place under the working directory (so an error message names where it was expected).</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }
        var fromWorkingDirectory = Path.GetFullPath(path);
        if (Exists(fromWorkingDirectory))
        {
            return fromWorkingDirectory;
        }
        var besideApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return Exists(besideApp) ? besideApp : fromWorkingDirectory;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);
}
