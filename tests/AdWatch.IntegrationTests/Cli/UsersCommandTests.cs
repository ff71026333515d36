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

    [Theory]
    [InlineData("aaaaaaaaaaaa", "the password repeats one character")]
    [InlineData("            ", "the password is only spaces; nothing was saved.")]
    [InlineData("Welkom123456", "the password is too easy to guess")]
    [InlineData("password1234", "the password is too easy to guess")]
    [InlineData("bob-zijn-fiets-2024", "the password contains the account name; nothing was saved.")]
    public async Task Add_RefusesAWeakPassword_AndSavesNothing(string password, string message)
    {
        var (exit, _, stderr) = await RunWithStdinAsync(password, "users", "add", "bob", "--role", "analyst", "--password-stdin");

        exit.ShouldBe(1, stderr);
        stderr.ShouldContain("adwatch users add: " + message);
        var (_, list, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");
        list.ShouldNotContain("bob");
    }

    [Fact]
    public async Task Add_WithAnOrganisation_ListsIt_AndOrganisationChangesIt()
    {
        var (exit, stdout, stderr) = await RunWithStdinAsync("correct horse battery staple", "users", "add", "erik", "--role", "analyst",
            "--organisation", "ermelo", "--password-stdin");

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("Added erik (analyst), organisation ermelo.");
        (await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list")).Stdout.ShouldContain("organisation ermelo");
        var (setExit, _, setError) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "organisation", "erik", "politie");
        setExit.ShouldBe(0, setError);
        (await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list")).Stdout.ShouldContain("organisation politie");
    }

    [Fact]
    public async Task Add_UnknownOrganisation_IsAOneLineUsageError_AndSavesNothing()
    {
        var (exit, _, stderr) = await RunWithStdinAsync("correct horse battery staple", "users", "add", "bob", "--role", "analyst",
            "--organisation", "utrecht", "--password-stdin");

        exit.ShouldBe(2);
        var error = stderr.Split('\n').Single(l => l.Contains("unknown organisation", StringComparison.Ordinal));
        error.ShouldStartWith("adwatch users add: unknown organisation 'utrecht'; known in ");
        error.ShouldContain("organisations.yaml: harderwijk, ermelo, putten, politie, regio.");
        (await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list")).Stdout.ShouldNotContain("bob");
    }

    [Theory]
    [InlineData("analist", "analyst")]
    [InlineData("coördinator", "coordinator")]
    [InlineData("coordinator", "coordinator")]
    [InlineData("beheerder", "admin")]
    [InlineData("admin", "admin")]
    public async Task Add_AcceptsTheDutchRoleNames_AndStoresTheRole(string given, string stored)
    {
        var (exit, stdout, stderr) = await RunWithStdinAsync("correct horse battery staple", "users", "add", "bea", "--role", given, "--password-stdin");

        exit.ShouldBe(0, stderr);
        stdout.ShouldContain($"Added bea ({stored})");
        var (_, list, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");
        list.ShouldContain($"bea\t{stored}\tactive");
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

    [Fact]
    public async Task DisableAndEnable_ChangeTheListedState_AndAreAudited()
    {
        (await RunWithStdinAsync("correct horse battery staple", "users", "add", "carla", "--role", "analyst", "--password-stdin")).Item1.ShouldBe(0);

        var (disableExit, disableOut, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "disable", "carla");
        var (_, afterDisable, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");
        var (enableExit, _, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "enable", "carla");
        var (_, afterEnable, _) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "u.db", "users", "list");

        disableExit.ShouldBe(0);
        disableOut.ShouldContain("carla disabled.");
        afterDisable.ShouldContain("carla\tanalyst\tdisabled");
        enableExit.ShouldBe(0);
        afterEnable.ShouldContain("carla\tanalyst\tactive");
        Audit().ShouldBe(["cli change user carla added with role analyst", "cli change user carla disabled", "cli change user carla enabled"]);
    }

    [Fact]
    public async Task ResetPassword_ReplacesTheHash_AndRefusesAShortOrGuessableOne()
    {
        (await RunWithStdinAsync("correct horse battery staple", "users", "add", "dora", "--role", "admin", "--password-stdin")).Item1.ShouldBe(0);
        var before = Hash("dora");

        var (shortExit, _, shortErr) = await RunWithStdinAsync("kort", "users", "reset-password", "dora", "--password-stdin");
        Hash("dora").ShouldBe(before);
        var (weakExit, _, weakErr) = await RunWithStdinAsync("Wachtwoord2024!", "users", "reset-password", "dora", "--password-stdin");
        Hash("dora").ShouldBe(before);
        var (exit, stdout, stderr) = await RunWithStdinAsync("another long passphrase", "users", "reset-password", "dora", "--password-stdin");

        shortExit.ShouldBe(1);
        shortErr.ShouldContain("at least 12 characters");
        weakExit.ShouldBe(1);
        weakErr.ShouldContain("the password is too easy to guess");
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("Password of dora reset.");
        Hash("dora").ShouldNotBe(before);
        Audit().ShouldContain("cli change user dora password reset");
    }

    [Fact]
    public async Task Add_RefusesANameWithSpaces()
    {
        var (exit, _, stderr) = await RunWithStdinAsync("correct horse battery staple", "users", "add", "an na", "--role", "analyst", "--password-stdin");

        exit.ShouldBe(2);
        stderr.ShouldContain("'an na' is not a usable account name");
    }

    private string Hash(string name) => Scalars($"SELECT password_hash FROM users WHERE name = '{name}'").Single();

    private List<string> Audit() => Scalars("SELECT actor || ' ' || action || ' ' || target_kind || ' ' || target_id || ' ' || detail FROM audit_log ORDER BY id");

    private List<string> Scalars(string sql) => SqliteRows.Read(Path.Combine(_dir.FullName, "u.db"), sql);

    private Task<(int, string, string)> RunWithStdinAsync(string stdin, params string[] args) =>
        AdwatchProcess.RunAsync(_dir.FullName, stdin, ["--db", "u.db", .. args]);

    public void Dispose() => _dir.Delete(recursive: true);
}
