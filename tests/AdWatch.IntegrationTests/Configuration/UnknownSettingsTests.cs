using AdWatch.IntegrationTests.Cli;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Configuration;

/// <summary>A setting nothing reads is an error naming the file or variable, the key and the nearest known key (exit 2).</summary>
public sealed class UnknownSettingsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-keys-");

    [Theory]
    [InlineData("""{ "Storgae": { "Provider": "sqlite" } }""", "unknown setting 'Storgae' (did you mean 'Storage'?)")]
    [InlineData("""{ "Jobs": { "WorkerCont": 2 } }""", "unknown setting 'Jobs:WorkerCont' (did you mean 'Jobs:WorkerCount'?)")]
    [InlineData("""{ "Crawling": { "BaseUrlOverrides": { "kontaktbord": "http://127.0.0.1:1/" }, "RetryCont": 1 } }""",
        "unknown setting 'Crawling:RetryCont' (did you mean 'Crawling:RetryCount'?)")]
    [InlineData("""{ "Dashboard": { "OpenIdConnect": { "OrganisationClam": "org" } } }""",
        "unknown setting 'Dashboard:OpenIdConnect:OrganisationClam' (did you mean 'Dashboard:OpenIdConnect:OrganisationClaim'?)")]
    [InlineData("""{ "Mystery": { "Key": 1 } }""", "unknown setting 'Mystery'. Fix its name or remove it")]
    public async Task UnknownKeyInTheFile_IsOneLineNamingFileKeyAndNearestKey(string json, string expected)
    {
        var file = Path.Combine(_dir.FullName, "typo.json");
        File.WriteAllText(file, json);

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--config", "typo.json", "--db", "a.db", "users", "list");

        exit.ShouldBe(ExitCodes.Usage, stderr);
        stderr.ShouldStartWith($"adwatch users list: {file}: {expected}");
        stderr.TrimEnd().ShouldNotContain('\n');
    }

    [Fact]
    public async Task UnknownKeyInTheDefaultFile_NamesTheFileInTheWorkingDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_dir.FullName, "config"));
        File.WriteAllText(Path.Combine(_dir.FullName, "config", "adwatch.json"), """{ "Retention": { "AdDay": 30 } }""");

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, "--db", "a.db", "purge");

        exit.ShouldBe(ExitCodes.Usage, stderr);
        stderr.ShouldContain($"{Path.Combine(_dir.FullName, "config", "adwatch.json")}: unknown setting 'Retention:AdDay' (did you mean 'Retention:AdDays'?)");
    }

    [Theory]
    [InlineData("ADWATCH__Jobs__WorkerCont", "unknown setting 'Jobs:WorkerCont' (did you mean 'Jobs:WorkerCount'?)")]
    [InlineData("ADWATCH__Storgae__Provider", "unknown setting 'Storgae' (did you mean 'Storage'?)")]
    [InlineData("Storage__Provder", "unknown setting 'Storage:Provder' (did you mean 'Storage:Provider'?)")]
    public async Task UnknownKeyInTheEnvironment_NamesTheVariable(string variable, string expected)
    {
        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, new Dictionary<string, string> { [variable] = "2" },
            TimeSpan.FromMinutes(1), ["--db", "a.db", "users", "list"]);

        exit.ShouldBe(ExitCodes.Usage, stderr);
        stderr.ShouldStartWith($"adwatch users list: environment variable {variable}: {expected}. Fix its name or unset it");
    }

    [Fact]
    public async Task KnownKeys_FrameworkSections_AndDictionaryEntries_AreAccepted()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "ok.json"), """
            { "Logging": { "LogLevel": { "Default": "Warning", "Hangfire": "Error" } }, "Kestrel": { "Limits": { "MaxRequestBodySize": 1000 } },
              "AllowedHosts": "*", "Crawling": { "BaseUrlOverrides": { "any-site": "http://127.0.0.1:1/" } },
              "region": { "municipalityCodes": [ "GM0243" ] }, "Jobs": { "WorkerCount": 3 }, "Dashboard": { "ImageRoles": "admin" } }
            """);

        var (exit, _, stderr) = await AdwatchProcess.RunAsync(_dir.FullName, null, new Dictionary<string, string> { ["Unrelated__Thing"] = "1" },
            TimeSpan.FromMinutes(1), ["--config", "ok.json", "--db", "a.db", "users", "list"]);

        exit.ShouldBe(0, stderr);
    }

    [Fact]
    public void EverySectionTheWebHostBinds_IsKnownToTheCommandHost()
    {
        var settings = new AppSettings(Path.Combine(_dir.FullName, "a.db"), null);
        using var command = AppHost.BuildCommandHost(settings);
        var known = command.Services.GetServices<BoundSection>().ToHashSet();
        var app = WebApp.Build(settings, "http://127.0.0.1:0");

        app.Services.GetServices<BoundSection>().Where(b => !known.Contains(b)).ShouldBeEmpty(
            "add the section to AppHost.ServeOnlySections, so other verbs accept it in adwatch.json");
        ((IDisposable)app).Dispose();
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
