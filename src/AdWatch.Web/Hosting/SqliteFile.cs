using AdWatch.Web.Cli;

namespace AdWatch.Web.Hosting;

/// <summary>
/// Checks the SQLite database file before anything opens it, so a mistyped path gives one line instead of a SQLite error
/// deep in a migration: a folder, a file that is no SQLite database, a file that cannot be written, or (for a path given
/// with <c>--db</c>) a folder that does not exist are refused. A configured path's missing folder is created (the default
/// <c>data/</c> on a fresh machine).
/// </summary>
internal static class SqliteFile
{
    private static readonly byte[] Header = "SQLite format 3\0"u8.ToArray();

    /// <param name="source">Where the path came from, as the user wrote it: <c>--db</c> or <c>Storage:DatabasePath</c>.</param>
    /// <param name="createFolder">Whether a missing folder may be created.</param>
    public static void Check(string path, string source, bool createFolder)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new UserError($"{source} {full} is a folder, not a database file. Name a file, e.g. {Path.Combine(full, "adwatch.db")}.",
                ExitCodes.Usage);
        }
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
        {
            if (!createFolder)
            {
                throw new UserError($"{source} {full}: the folder {folder} does not exist. Create it first, or choose a path in an existing folder.",
                    ExitCodes.Usage);
            }
            Directory.CreateDirectory(folder);
        }
        if (!File.Exists(full))
        {
            return;
        }
        try
        {
            using var file = new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            Span<byte> start = stackalloc byte[Header.Length];
            var read = file.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
            if (read > 0 && (read < Header.Length || !start.SequenceEqual(Header)))
            {
                throw new UserError($"{source} {full} is not a SQLite database. Name an AdWatch database, or a new file.", ExitCodes.Usage);
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new UserError($"{source} {full} cannot be written (permission denied). AdWatch needs to write its database: " +
                                "fix the file's permissions or choose another path.", ExitCodes.Usage);
        }
        catch (IOException e)
        {
            throw new UserError($"{source} {full} cannot be opened: {e.Message}", ExitCodes.Usage);
        }
    }
}
