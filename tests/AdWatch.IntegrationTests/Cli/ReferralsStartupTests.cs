namespace AdWatch.IntegrationTests.Cli;

/// <summary>A broken <c>config/referrals.yaml</c> stops <c>adwatch serve</c> at start with one line naming file, line and field.</summary>
public sealed class ReferralsStartupTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-referrals-");

    [Fact]
    public async Task Serve_RefusesToStart_WithAnInvalidReferralsFile()
    {
        // The working directory's config/ comes before the shipped one.
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "config"));
        var file = Path.Combine(_dir.FullName, "config", "referrals.yaml");
        File.WriteAllText(file, "contacts:\n  coordinator:\n    name: Zorgcoördinator\n    phone: bel ons\n");
        var db = Path.Combine(_dir.FullName, "referrals.db");

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", db, "serve", "--urls", "http://127.0.0.1:0");

        exit.ShouldBe(1);
        stderr.ShouldContain($"adwatch serve: {file}:4: contacts.coordinator.phone: expected a phone number of digits, spaces, '-', '+' and '()', got 'bel ons'.");
        File.Exists(db).ShouldBeFalse();
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
