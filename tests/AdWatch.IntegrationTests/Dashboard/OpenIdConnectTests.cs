using AdWatch.Web.Cli;
using AdWatch.Web.Dashboard;
using AdWatch.Web.Dashboard.Security;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Optional single sign-on is configuration only: validated at start, a registered scheme and a button when on. No IdP is contacted.</summary>
public sealed class OpenIdConnectTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-oidc-");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Enabled_RegistersTheSchemeAndShowsTheButton_WhenConfigured()
    {
        var config = WriteConfig("""
            { "Dashboard": { "OpenIdConnect": { "Enabled": true, "Authority": "https://login.gemeente.example/realms/adwatch",
              "ClientId": "adwatch", "ClientSecret": "s3cret", "DisplayName": "Inloggen met Gemeente-ID",
              "RoleClaim": "groups", "RoleMap": { "adwatch-analisten": "analyst", "adwatch-beheer": "admin" } } } }
            """);
        await using var app = WebApp.Build(new AppSettings(Path.Combine(_dir.FullName, "o.db"), config), "http://127.0.0.1:0");
        await AppHost.MigrateAsync(app.Services, Ct);

        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme);
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        await app.StartAsync(Ct);
        try
        {
            var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient();
            var signIn = await http.GetStringAsync(url + "/account/signin", Ct);

            scheme.ShouldNotBeNull();
            options.Authority.ShouldBe("https://login.gemeente.example/realms/adwatch");
            options.ClientId.ShouldBe("adwatch");
            options.UsePkce.ShouldBeTrue();
            signIn.ShouldContain("Inloggen met Gemeente-ID");
        }
        finally
        {
            await app.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Disabled_RegistersNoScheme_ByDefault()
    {
        await using var app = WebApp.Build(new AppSettings(Path.Combine(_dir.FullName, "o.db"), null), "http://127.0.0.1:0");

        (await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))
            .ShouldBeNull();
    }

    [Fact]
    public void Enabled_FailsAtStart_NamingEachMissingSetting()
    {
        var config = WriteConfig("""
            { "Dashboard": { "OpenIdConnect": { "Enabled": true, "Authority": "http://insecure.example", "RoleMap": { "x": "root" } } } }
            """);

        var error = Should.Throw<OptionsValidationException>(() =>
            WebApp.Build(new AppSettings(Path.Combine(_dir.FullName, "o.db"), config), "http://127.0.0.1:0"));

        error.Message.ShouldContain("Dashboard:OpenIdConnect:Authority must be an absolute https URL");
        error.Message.ShouldContain("Dashboard:OpenIdConnect:ClientId is required");
        error.Message.ShouldContain("Dashboard:OpenIdConnect:RoleMap:x maps to 'root'");
    }

    [Theory]
    [InlineData(new[] { "adwatch-analisten" }, "analyst")]
    [InlineData(new[] { "adwatch-analisten", "adwatch-beheer" }, "admin")]
    [InlineData(new[] { "adwatch-coord", "adwatch-analisten" }, "coordinator")]
    // must not map
    [InlineData(new[] { "iedereen" }, null)]
    [InlineData(new string[0], null)]
    public void MapRole_TakesTheHighestMappedRole(string[] provided, string? expected)
    {
        var map = new Dictionary<string, string> { ["adwatch-analisten"] = "analyst", ["adwatch-coord"] = "coordinator", ["adwatch-beheer"] = "admin" };

        OidcSetup.MapRole(provided.ToHashSet(), map).ShouldBe(expected);
    }

    [Fact]
    public void TileSource_IsTheTileHost_ForTheCsp()
    {
        new DashboardOptions().TileSource().ShouldBe("https://service.pdok.nl");
        new DashboardOptions { TileUrl = "" }.TileSource().ShouldBeNull();
        SecurityHeaders.BuildCsp(null).ShouldContain("img-src 'self' data:;");
    }

    private string WriteConfig(string json)
    {
        var path = Path.Combine(_dir.FullName, "adwatch.json");
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still hold its file for a moment.
        }
    }
}
