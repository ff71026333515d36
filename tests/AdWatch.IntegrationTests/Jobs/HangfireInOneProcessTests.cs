using AdWatch.IntegrationTests.Dashboard;
using AdWatch.Web.Hosting;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>
/// Hangfire keeps its log provider, job store and job activator in statics that follow the app that configured it last. Each
/// app must keep its own store and activator, and go on creating jobs after another app in the process is gone (an
/// analyst's "mark phone" answered 500 when its enqueue met the disposed logger factory of an app a test had stopped).
/// </summary>
public sealed class HangfireInOneProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Logs_ThroughTheHostsLoggerFactory()
    {
        var lines = new List<string>();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(lines)));

        new HangfireLogs(factory).GetLogger("Hangfire.Test").Log(Hangfire.Logging.LogLevel.Warn, () => "job 7 retried").ShouldBeTrue();

        lines.ShouldBe(["Hangfire.Test: job 7 retried"]);
    }

    [Fact]
    public void AFactoryDisposedByItsHost_GivesALoggerThatLogsNothing_InsteadOfAnException()
    {
        var factory = LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider([])));
        factory.Dispose();

        var log = new HangfireLogs(factory).GetLogger("Hangfire.AutomaticRetryAttribute");

        log.Log(Hangfire.Logging.LogLevel.Error, () => "lost").ShouldBeFalse();
    }

    [Fact]
    public async Task AnApp_StillEnqueuesJobs_AfterAnotherAppInTheProcessWasDisposed()
    {
        await using var first = await TestWebApp.BuildAsync("adwatch-hangfire-logs-", "a.db", null, Ct);
        first.Services.GetRequiredService<IGlobalConfiguration>();
        var second = await TestWebApp.BuildAsync("adwatch-hangfire-logs-", "b.db", null, Ct);
        second.Services.GetRequiredService<IGlobalConfiguration>(); // Hangfire's log provider is now the second app's
        await second.DisposeAsync();

        // The first job of a method reads its filter attributes, and [AutomaticRetry] asks Hangfire's provider for a logger.
        var id = first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(j => j.Run());

        id.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task EachApp_KeepsItsOwnJobStore_AndResolvesJobsFromItsOwnServices_WhenAnotherConfiguredHangfireLater()
    {
        await using var first = await TestWebApp.BuildAsync("adwatch-hangfire-apps-", "a.db", null, Ct);
        await using var second = await TestWebApp.BuildAsync("adwatch-hangfire-apps-", "b.db", null, Ct);
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>(); // the process-wide store and activator are now the second's

        var store = first.Services.GetRequiredService<JobStorage>();
        store.ShouldNotBeSameAs(second.Services.GetRequiredService<JobStorage>());
        store.ToString()!.ShouldContain(Path.Combine(first.Folder.FullName, "a.hangfire.db"));
        using var scope = first.Services.GetRequiredService<JobActivator>().BeginScope((JobActivatorContext)null!);
        scope.Resolve(typeof(AdWatch.Storage.Database)).ShouldBeSameAs(first.Services.GetRequiredService<AdWatch.Storage.Database>());
    }

    public sealed class ProbeJob
    {
        [AutomaticRetry(Attempts = 0)]
        public void Run()
        {
        }
    }

    private sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Lines(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Lines(string category, List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Add($"{category}: {formatter(state, exception)}");
        }
    }
}
