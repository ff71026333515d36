using AdWatch.Web.Cli;

namespace AdWatch.Web.Hosting;

/// <summary>
/// One serving process per SQLite database: the embedded job store (Hangfire.Storage.SQLite) is safe in one process only, and
/// two servers on one file would run every scheduled crawl twice. <c>serve</c> and <c>demo</c> hold an exclusive lock on
/// <c>FILE.serve.lock</c> while they run; the operating system releases it when the process ends, however it ends.
/// PostgreSQL needs no such lock (its job store and analysis lock work across processes).
/// </summary>
internal static class ServeLock
{
    public static FileStream Acquire(string databaseFile)
    {
        var full = Path.GetFullPath(databaseFile);
        var lockFile = full + ".serve.lock";
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not DirectoryNotFoundException and not FileNotFoundException)
        {
            throw new UserError($"Another adwatch serve or demo is already running on {full} (it holds {lockFile}). " +
                                "SQLite serves from one process only: stop the other one, or use PostgreSQL (Storage:Provider) for several workers.");
        }
    }
}
