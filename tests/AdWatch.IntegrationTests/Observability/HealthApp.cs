using AdWatch.IntegrationTests.Dashboard;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Observability;

/// <summary>
/// The real app (<see cref="WebApp.Build"/>) on 127.0.0.1 with a free port, an empty migrated SQLite file of its own (so a
/// test may delete it) and, optionally, an adwatch.json with the given JSON. No demo data: health does not need any.
/// </summary>
internal sealed class HealthApp : IAsyncDisposable
{
    private readonly DirectoryInfo _dir;
    private readonly WebApplication _app;

    private HealthApp(DirectoryInfo dir, WebApplication app, string baseUrl)
    {
        _dir = dir;
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string DatabasePath => Path.Combine(_dir.FullName, "health.db");

    public IServiceProvider Services => _app.Services;

    public static async Task<HealthApp> StartAsync(string? configJson = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = Directory.CreateTempSubdirectory("adwatch-health-");
        string? config = null;
        if (configJson is not null)
        {
            config = Path.Combine(dir.FullName, "adwatch.json");
            await File.WriteAllTextAsync(config, configJson, ct);
        }
        var app = WebApp.Build(new AppSettings(Path.Combine(dir.FullName, "health.db"), config), "http://127.0.0.1:0",
            builder =>
            {
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                // Requests may play a client at another address (TestClientAddress.Header).
                builder.Services.AddTransient<IStartupFilter, TestClientAddress>();
            });
        await AppHost.MigrateAsync(app.Services, ct);
        await app.StartAsync(ct);
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new HealthApp(dir, app, url);
    }

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Deletes the SQLite file and its WAL files, as a lost volume or an operator's mistake would.</summary>
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Hangfire may still hold its file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
