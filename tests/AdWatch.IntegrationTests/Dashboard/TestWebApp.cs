using System.Net;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>
/// The real dashboard on a temp SQLite file of its own, for fixtures that seed a few rows instead of the demo: built and
/// migrated by <see cref="BuildAsync"/>, seeded by the caller through <see cref="Services"/>, then <see cref="StartAsync"/>ed on a
/// free loopback port. Disposing stops it and deletes its folder.
/// </summary>
public sealed class TestWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestWebApp(DirectoryInfo folder, WebApplication app) => (Folder, _app) = (folder, app);

    /// <summary>The temp folder holding the database (and anything else the fixture puts there).</summary>
    public DirectoryInfo Folder { get; }

    public IServiceProvider Services => _app.Services;

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Builds and migrates the app on <c>{folder}/{database}</c>, logging warnings only (<paramref name="configure"/> may change
    /// that). <paramref name="folder"/>: a temp folder the caller already filled (e.g. with a database copy); it is deleted too.
    /// </summary>
    public static async Task<TestWebApp> BuildAsync(string prefix, string database, Action<WebApplicationBuilder>? configure, CancellationToken ct,
        DirectoryInfo? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory(prefix);
        var app = WebApp.Build(new AppSettings(Path.Combine(folder.FullName, database), null), "http://127.0.0.1:0", builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(builder);
        });
        await AppHost.MigrateAsync(app.Services, ct);
        return new TestWebApp(folder, app);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        await _app.StartAsync(ct);
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A client with its own cookie jar, not following redirects, signed in as <paramref name="name"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string name, string password)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(BaseUrl) };
        var response = await FormPost.SignInAsync(client, name, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still hold its file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
