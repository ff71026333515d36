using System.Text;
using AdWatch.Web.Cli;
using AdWatch.Web.Hosting;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AdWatch.IntegrationTests.Jobs;

/// <summary>
/// A failing job's exception reaches the job store (and stays there until an operator deletes the job, out of the purge's
/// reach): the phone, e-mail address and ad URL it quotes must not, neither in a failure nor in a retry's reason.
/// </summary>
// Alone, beside no other job server: HangfireCrawlTests counts crawl runs, and a second server once disturbed that count
// through Hangfire's process-wide job activator (each app now keeps its own, see HangfireInOneProcessTests).
[Collection(nameof(ProcessTreeCollection))]
public sealed class JobStoreRedactionTests : IAsyncLifetime
{
    internal const string Phone = "+31 6 1234 5678";
    internal const string Email = "luna.latina@example.test";
    internal const string AdPath = "/advertentie/luna-nieuw-in-harderwijk-4711";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("adwatch-jobstore-");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task FailedAndRetriedJobs_KeepNoPhoneEmailOrAdUrl_InTheJobStoreFiles()
    {
        var ct = TestContext.Current.CancellationToken;
        var db = Path.Combine(_dir.FullName, "jobs.db");
        var app = WebApp.Build(new AppSettings(db, null), "http://127.0.0.1:0", b => b.Configuration["Jobs:ScheduleCrawls"] = "false");
        await AppHost.MigrateAsync(app.Services, ct);
        await app.StartAsync(ct);
        try
        {
            var client = app.Services.GetRequiredService<IBackgroundJobClient>();
            var failed = client.Enqueue(() => FailingJobs.FailOnce());
            var retried = client.Enqueue(() => FailingJobs.FailAndRetry());
            var storage = app.Services.GetRequiredService<JobStorage>();
            for (var i = 0; i < 120 && !(State(storage, failed) == FailedState.StateName && State(storage, retried) == ScheduledState.StateName); i++)
            {
                await Task.Delay(250, ct);
            }
            State(storage, failed).ShouldBe(FailedState.StateName);
            State(storage, retried).ShouldBe(ScheduledState.StateName);

            var details = storage.GetMonitoringApi().JobDetails(failed);
            var stored = string.Join("\n", details.History.SelectMany(h => h.Data.Values.Append(h.Reason ?? "")));
            stored.ShouldContain("System.InvalidOperationException: Could not read https://ads.example.test/[…] phone [number] or [e-mail] expected");
            stored.ShouldContain("System.Net.Http.HttpRequestException: GET https://ads.example.test/[…] for [number]"); // still diagnosable: types and site
            stored.ShouldContain("https://ads.example.test/[…]");
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        var files = Directory.GetFiles(_dir.FullName, "jobs.hangfire.db*");
        files.ShouldNotBeEmpty();
        foreach (var file in files)
        {
            var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, ct));
            raw.ShouldNotContain(AdPath, customMessage: file);
            raw.ShouldNotContain(Phone, customMessage: file);
            raw.ShouldNotContain("1234 5678", customMessage: file);
            raw.ShouldNotContain(Email, customMessage: file);
        }
    }

    private static string? State(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name;
    }

    public ValueTask DisposeAsync()
    {
        _dir.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Jobs that fail with an exception quoting personal data (Hangfire needs them public).</summary>
public static class FailingJobs
{
    // As every AdWatch job body runs (CrawlJob, AnalysisJob, RetentionJob, AlertDigestJob, ExportJob).
    [AutomaticRetry(Attempts = 0)]
    public static Task FailOnce() => AdWatch.Privacy.JobStoreRedaction.RunAsync(() => throw Failure());

    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [3600])]
    public static Task FailAndRetry() => AdWatch.Privacy.JobStoreRedaction.RunAsync(() => throw Failure());

    private static InvalidOperationException Failure() =>
        new($"Could not read https://ads.example.test{JobStoreRedactionTests.AdPath}?ref=1: phone {JobStoreRedactionTests.Phone} or {JobStoreRedactionTests.Email} expected",
            new HttpRequestException($"GET https://ads.example.test{JobStoreRedactionTests.AdPath} for {JobStoreRedactionTests.Phone}"));
}
