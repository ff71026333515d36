using System.Reflection;

namespace AdWatch;

/// <summary>
/// Where relative paths in configuration point: the working directory first (a deployment's own config/ and crawlers/),
/// else the folder of the binary (the defaults shipped next to <c>adwatch</c>), so <c>adwatch</c> runs from any folder.
/// A binary built inside a source checkout (<c>bin/Debug/net10.0/</c>) reads the checkout's files instead of their build
/// copies next to it: those are the files a developer edits, an edit applies without a rebuild, and a message names them.
/// </summary>
public static class AppPaths
{
    /// <summary>The checkout this binary was built from, when it runs from inside it (a build output), else null.</summary>
    public static string? SourceRoot { get; } = FindSourceRoot(AppContext.BaseDirectory);

    /// <summary>The file or folder as an absolute path: as given when rooted, else the first of the places where it exists,
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
        if (SourceRoot is not null && Path.GetFullPath(Path.Combine(SourceRoot, path)) is var fromSource && Exists(fromSource))
        {
            return fromSource;
        }
        var besideApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return Exists(besideApp) ? besideApp : fromWorkingDirectory;
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    // The build writes the checkout's root into the assembly (AdWatch.csproj); it counts only when this binary lies under it,
    // so an installed or published copy always reads the files next to it.
    private static string? FindSourceRoot(string baseDirectory)
    {
        var root = typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AdWatch.SourceRoot")?.Value;
        if (string.IsNullOrEmpty(root) || !File.Exists(Path.Combine(root, "AdWatch.sln")))
        {
            return null;
        }
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(baseDirectory).StartsWith(full, StringComparison.Ordinal) ? full : null;
    }
}
