using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Privacy;

public sealed class SqliteRetentionPurgeTests : RetentionPurgeSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());

    /// <summary>The raw bytes of the database's files (SQLite: the file and its WAL), or none for a server database.</summary>
    private IEnumerable<string> DatabaseFiles()
    {
        var path = _db.Database.FilePath!;
        return new[] { path, path + "-wal", path + "-journal" }.Where(File.Exists);
    }

    [Fact]
    public async Task Purge_LeavesNoTraceOfAPurgedAd_InTheDatabaseFiles()
    {
        await SeedAsync();
        DatabaseFiles().SelectMany(RawTraces).ShouldNotBeEmpty("the seed wrote o1 into the files, or this test proves nothing");

        await Purge().PurgeAsync("test", Ct);

        DatabaseFiles().SelectMany(RawTraces).ShouldBeEmpty();
    }

    private static IEnumerable<string> RawTraces(string file)
    {
        byte[] bytes;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            bytes = buffer.ToArray();
        }
        return PurgedTraces.Where(t => bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(t)) >= 0)
            .Select(t => $"{Path.GetFileName(file)} holds {t}");
    }
}
