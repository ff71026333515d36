using AdWatch.Web.Hosting;
using AdWatch.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// Optional single sign-on is configuration only: validated at start, a registered scheme when on. No IdP is contacted.
/// The dashboard's security wiring is built on a bare host (no Hangfire: its process-wide state must not be touched here).
/// </summary>
public sealed class OpenIdConnectTests
{
    private static readonly Dictionary<string, string?> Enabled = new()
    {
        ["Dashboard:OpenIdConnect:Enabled"] = "true",
        ["Dashboard:OpenIdConnect:Authority"] = "https://login.gemeente.example/realms/adwatch",
        ["Dashboard:OpenIdConnect:ClientId"] = "adwatch",
        ["Dashboard:OpenIdConnect:ClientSecret"] = "s3cret",
        ["Dashboard:OpenIdConnect:DisplayName"] = "Inloggen met Gemeente-ID",
        ["Dashboard:OpenIdConnect:RoleClaim"] = "groups",
        ["Dashboard:OpenIdConnect:RoleMap:adwatch-analisten"] = "analyst",
        ["Dashboard:OpenIdConnect:RoleMap:adwatch-beheer"] = "admin",
    };


    [Fact]
    public async Task Enabled_RegistersTheScheme_WithTheConfiguredProvider()
    {
        await using var app = Build(Enabled);

        var scheme = await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme);
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var dashboard = app.Services.GetRequiredService<IOptions<WebOptions>>().Value;

        scheme.ShouldNotBeNull();
        scheme.DisplayName.ShouldBe("Inloggen met Gemeente-ID");
        options.Authority.ShouldBe("https://login.gemeente.example/realms/adwatch");
        options.ClientId.ShouldBe("adwatch");
        options.UsePkce.ShouldBeTrue();
        dashboard.OpenIdConnect.RoleMap.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Disabled_RegistersNoScheme_ByDefault()
    {
        await using var app = Build([]);

        (await app.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme))
            .ShouldBeNull();
        app.Services.GetRequiredService<IOptions<WebOptions>>().Value.OpenIdConnect.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Enabled_FailsValidation_NamingEachMissingSetting()
    {
        await using var app = Build(new()
        {
            ["Dashboard:OpenIdConnect:Enabled"] = "true",
            ["Dashboard:OpenIdConnect:Authority"] = "http://insecure.example",
            ["Dashboard:OpenIdConnect:RoleMap:x"] = "root",
        });

        var error = Should.Throw<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<WebOptions>>().Value);

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
        new WebOptions().TileSource().ShouldBe("https://service.pdok.nl");
        new WebOptions { TileUrl = "" }.TileSource().ShouldBeNull();
        SecurityHeaders.BuildCsp(null).ShouldContain("img-src 'self' data:;");
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDashboardSecurity();
        return builder.Build();
    }
}
