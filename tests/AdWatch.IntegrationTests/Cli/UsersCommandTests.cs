using Microsoft.Data.Sqlite;

namespace AdWatch.IntegrationTests.Cli;

public sealed class UsersCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-users-");

    [Fact]
    public async Task Add_StoresOnlyAHash_AndAuditsTheChange()
    {
        var (exit, stdout, stderr) = await RunWithStdinAsync("correct horse battery staple", "users", "add", "anna", "--role", "coordinator", "--password-stdin");

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("Added anna (coordinator)");
        var (listExit, list, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");
        listExit.ShouldBe(0);
        list.ShouldContain("anna\tcoordinator\tactive");
        using var c = new SqliteConnection($"Data Source={Path.Combine(_dir.FullName, "u.db")};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT password_hash FROM users WHERE name = 'anna'";
        var hash = (string)cmd.ExecuteScalar()!;
        hash.ShouldNotContain("correct horse");
        hash.Length.ShouldBeGreaterThan(40);
        cmd.CommandText = "SELECT actor || ' ' || action || ' ' || target_kind || ' ' || target_id FROM audit_log";
        ((string)cmd.ExecuteScalar()!).ShouldBe("cli change user anna");
    }

    [Fact]
    public async Task Add_RefusesShortPassword_AndSavesNothing()
    {
        var (exit, _, stderr) = await RunWithStdinAsync("short", "users", "add", "bob", "--role", "analyst", "--password-stdin");

        exit.ShouldBe(1);
        stderr.ShouldContain("adwatch users add: the password must have at least 12 characters");
        var (_, list, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");
        list.ShouldNotContain("bob");
    }

    [Fact]
    public async Task Add_UnknownRole_IsAUsageError()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "add", "bob", "--role", "root");

        exit.ShouldBe(2);
        stderr.ShouldContain("'root'");
    }

    [Fact]
    public async Task Disable_UnknownAccount_NamesIt()
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "disable", "nobody");

        exit.ShouldBe(1);
        stderr.ShouldContain("no account named 'nobody'");
    }

    private Task<(int, string, string)> RunWithStdinAsync(string stdin, params string[] args) =>
        AdwatchProcess.RunAsync(_dir.FullName, stdin, ["--db", "u.db", .. args]);

    public void Dispose() => _dir.Delete(recursive: true);
}
