using AdWatch.Accounts;
using AdWatch.Enforcement;
using AdWatch.Alerts;
using AdWatch.Analysis;
using AdWatch.Exports;
using AdWatch.Exports.Dossier;
using AdWatch.Privacy;
using AdWatch.Review;
using AdWatch.Storage;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdWatch.IntegrationTests.Exports;

/// <summary>
/// A migrated temp SQLite database, a clock, and the export services wired as in the app (real HTTP clients with their
/// resilience handlers), with a fake job client and, unless asked otherwise, a fake dossier renderer.
/// </summary>
internal sealed class ExportHarness : IAsyncDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-exports-");
    private readonly ServiceProvider _services;


    public ShiftedTime Time { get; }
    public FakeJobClient Jobs { get; } = new();
    public FakeDossierRenderer Renderer { get; } = new();
    public string DatabasePath => Path.Combine(_dir.FullName, "exports.db");

    private ExportHarness(IDictionary<string, string?> settings, bool realRenderer, ShiftedTime? time)
    {
        Time = time ?? new ShiftedTime();
        settings["Storage:DatabasePath"] = DatabasePath;
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IBackgroundJobClient>(Jobs);
        if (!realRenderer)
        {
            services.AddSingleton<IDossierPdfRenderer>(Renderer);
        }
        services.AddAdWatchStorage(config);
        services.AddSingleton<AnalysisStore>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<AuditLog>();
        services.AddAdWatchExports(config);
        services.AddAdWatchAlerts(config);
        services.AddAdWatchAccounts(config);
        services.AddAdWatchEnforcement();
        services.AddSingleton<AdWatch.Accounts.UserStore>();
        _services = services.BuildServiceProvider(validateScopes: true);
    }

    public static async Task<ExportHarness> StartAsync(IDictionary<string, string?> settings, bool realRenderer = false, ShiftedTime? time = null)
    {
        var harness = new ExportHarness(settings, realRenderer, time);
        await new SchemaMigrator(harness.Database, harness.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Settings that point the ZGW export at a stand-in.</summary>
    public static Dictionary<string, string?> Zgw(ZgwStandIn zgw) => new()
    {
        ["Exports:Zgw:ZakenApiUrl"] = zgw.ZakenApi,
        ["Exports:Zgw:DocumentenApiUrl"] = zgw.DocumentenApi,
        ["Exports:Zgw:ClientId"] = ZgwStandIn.ClientId,
        ["Exports:Zgw:Secret"] = ZgwStandIn.Secret,
        ["Exports:Zgw:Bronorganisatie"] = "123456782",
        ["Exports:Zgw:Zaaktype"] = "https://catalogi.gemeente.test/catalogi/api/v1/zaaktypen/0b7ae3a0-0000-4000-8000-000000000001",
        ["Exports:Zgw:Informatieobjecttype"] = "https://catalogi.gemeente.test/catalogi/api/v1/informatieobjecttypen/9d1f0000-0000-4000-8000-000000000003",
        ["Exports:Zgw:RetryDelay"] = "00:00:00.010",
        ["Exports:MaxAttempts"] = "3",
    };

    public Database Database => _services.GetRequiredService<Database>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Runs an export job as Hangfire would: a fresh job instance per attempt.</summary>
    public Task RunJobAsync(long exportId) => _services.GetRequiredService<ExportJob>().RunAsync(exportId, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a lingering handle on a temp file is not worth failing a test for
        }
    }
}
